/** Markup the browser would load something for by itself: what rendered model output must never contain. */
export const AUTO_LOADING = /<(img|link|picture|source|video|audio|iframe|object|embed|image|svg)\b|\s(src|srcset)="/i;
