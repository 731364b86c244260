import { useCallback, useEffect, useState } from 'react';
import { t } from '../lib/i18n';
import { forgetSite, grantedSites, watchGrants } from './grants';
import type { Site } from './site-pattern';
import './site-access.css';

/** The options page's list of sites Beside reads without a click, each with a Remove button. */
export function SiteAccessSettings() {
  const [sites, setSites] = useState<Site[] | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const load = useCallback(() => {
    grantedSites().then(setSites, () => setSites([]));
  }, []);
  useEffect(() => {
    load();
    return watchGrants(load);
  }, [load]);

  const remove = (site: Site) => {
    setProblem(undefined);
    forgetSite(site).then(
      (removed) => (removed ? load() : setProblem(t('siteAccess.removeFailed', { site: site.host }))),
      () => setProblem(t('siteAccess.removeFailed', { site: site.host })),
    );
  };

  return (
    <section className="options__section" aria-labelledby="site-access-title" data-testid="site-access-settings">
      <h2 id="site-access-title">{t('siteAccess.title')}</h2>
      <p className="muted">{t('siteAccess.hint')}</p>
      {sites && sites.length === 0 && <p className="muted">{t('siteAccess.none')}</p>}
      {sites && sites.length > 0 && (
        <ul className="site-access__list">
          {sites.map((site) => (
            <li key={site.pattern} className="site-access__site">
              <span className="site-access__host">{site.host}</span>
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('siteAccess.removeSite', { site: site.host })}
                onClick={() => remove(site)}
              >
                {t('siteAccess.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
