/**
 * Code run in the content script's isolated world, the context a compromised or confused content
 * script would ask the background from. Playwright evaluates only in a page's main world, so this
 * goes through CDP: the top frame's isolated world that belongs to the extension.
 */
import type { Page } from 'playwright-core';

export interface ContentScriptWorld {
  /**
   * Runs `fn(arg)` there and returns its (awaited) result. `fn` is sent as source, so it may use
   * only its argument and that world's globals. `arg` travels as JSON text parsed in that world,
   * so keys such as `__proto__` arrive as the own properties a hostile message would have.
   */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** The fields of CDP's ExecutionContextDescription this needs (Playwright does not export its protocol types). */
interface ExecutionContext {
  id: number;
  name: string;
  origin: string;
  auxData?: unknown;
}

export async function contentScriptWorld(page: Page, extensionId: string): Promise<ContentScriptWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  const { frameTree } = await cdp.send('Page.getFrameTree');
  // Chrome reports every context that exists before it answers `enable`.
  await cdp.send('Runtime.enable');
  const isOurs = (context: ExecutionContext) => {
    const aux = context.auxData as { type?: string; frameId?: string } | undefined;
    return aux?.type === 'isolated' && aux.frameId === frameTree.frame.id && context.origin === `chrome-extension://${extensionId}`;
  };
  const world = contexts.find(isOurs);
  if (world === undefined) {
    const seen = contexts.map((context) => `${context.name} (${context.origin}, ${JSON.stringify(context.auxData)})`);
    throw new Error(`No content script world of ${extensionId} in ${page.url()}; contexts: ${seen.join('; ')}`);
  }
  return {
    async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
      const expression = `(${fn.toString()})(JSON.parse(${JSON.stringify(JSON.stringify(arg))}))`;
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`In the content script's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as R;
    },
  };
}
