import { openingRead } from '../../lib/panel-page';
import { interfaceMayLoad } from '../../lib/startup-order';
import { markStep } from '../../lib/timing';
import '../../ui/styles.css';

markStep('panel-script');
// This module imports only what reading the page needs (the policy and schema checks, not React nor the interface),
// so it starts reading the page as soon as the panel's HTML is parsed. The interface loads once the page has been
// asked, while the page works: the chip then waits for the slower of the two, not their sum.
interfaceMayLoad(openingRead())
  .then(() => {
    markStep('interface-start');
    return Promise.all([import('react'), import('react-dom/client'), import('../../ui/App')]);
  })
  .then(([{ StrictMode }, { createRoot }, { App }]) => {
    markStep('app-loaded');
    createRoot(document.getElementById('root') as HTMLElement).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
