import '@/components/panel/panel.css';
import '@/components/panel-host/panel-host.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startDealPanels } from '@/components/panel-host/start-deal-panels';
import { adapterForUrl, CRM_PAGE_ADAPTERS } from '@/utils/crm/registry';

export default defineContentScript({
  matches: CRM_PAGE_ADAPTERS.flatMap((adapter) => [...adapter.pagePatterns]),
  cssInjectionMode: 'ui',
  main(ctx) {
    const adapter = adapterForUrl(location.href);
    if (adapter) startDealPanels(ctx, adapter);
  },
});
