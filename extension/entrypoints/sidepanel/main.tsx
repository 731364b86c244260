import { readPageEarly } from '../../lib/read-page';
import { markStep } from '../../lib/timing';
import '../../ui/styles.css';

markStep('panel-script');
// The page is read while the interface's code loads: the chip then waits for the slower of the two, not their sum.
readPageEarly();

Promise.all([import('react'), import('react-dom/client'), import('../../ui/App')]).then(
  ([{ StrictMode }, { createRoot }, { App }]) => {
    markStep('app-loaded');
    createRoot(document.getElementById('root') as HTMLElement).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  },
);
