import { browser } from 'wxt/browser';
import { t } from '../lib/i18n';
import type { CaptureState } from '../ui/hooks/usePageContext';
import { useSiteAccessOffer } from './useSiteAccessOffer';
import './site-access.css';

/**
 * Under the chip, once the panel has read a page on a known site that Chrome lets it read only because the person
 * clicked: "Always let Beside read <site>", so the next tab on that site is read without a click.
 */
export function SiteAccessOffer({ capture }: { capture: CaptureState }) {
  const offer = useSiteAccessOffer(capture.status === 'ready' ? capture.target.url : undefined);
  if (offer.status === 'none') return null;
  if (offer.status === 'granted') {
    return (
      <div className="site-access site-access--granted" role="status" data-testid="site-access-granted">
        <span className="site-access__text">
          {t('siteAccess.granted', { site: offer.site.host })}{' '}
          <button type="button" className="link-button" onClick={() => browser.runtime.openOptionsPage()}>
            {t('siteAccess.manage')}
          </button>
        </span>
        <button type="button" className="icon-button" aria-label={t('actions.dismiss')} onClick={offer.dismiss}>
          ×
        </button>
      </div>
    );
  }
  return (
    <div className="site-access" data-testid="site-access-offer">
      <button type="button" className="site-access__allow" onClick={offer.allow}>
        {t('siteAccess.offer', { site: offer.site.host })}
      </button>
      <button type="button" className="link-button site-access__later" onClick={offer.notNow}>
        {t('siteAccess.notNow')}
      </button>
    </div>
  );
}
