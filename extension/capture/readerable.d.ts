/**
 * The readerable check on its own (the package's root module also loads Readability itself, which capture keeps in
 * a separate file: see article-reader.ts). Same signature as the package's `isProbablyReaderable`.
 */
declare module '@mozilla/readability/Readability-readerable.js' {
  const isProbablyReaderable: typeof import('@mozilla/readability').isProbablyReaderable;
  export default isProbablyReaderable;
}
