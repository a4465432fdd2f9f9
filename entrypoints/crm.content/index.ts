// The panel's styles, which WXT emits as crm.css for the shadow root the panel module mounts (the
// module's own build emits no CSS). In cascade order: later rules win over earlier equal ones.
import '@/components/panel/panel.css';
import '@/components/panel/thread/thread.css';
import '@/components/panel/composer/composer.css';
import '@/components/panel/controls.css';
import '@/components/panel/templates/templates.css';
import '@/components/panel-host/panel-host.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadDealPanelsOnDealPages } from '@/components/panel-host/load-deal-panels';
import { CRM_PAGE_ADAPTERS } from '@/utils/crm/registry';

export default defineContentScript({
  matches: CRM_PAGE_ADAPTERS.flatMap((adapter) => [...adapter.pagePatterns]),
  cssInjectionMode: 'ui',
  main(ctx) {
    loadDealPanelsOnDealPages(ctx, CRM_PAGE_ADAPTERS);
  },
});
