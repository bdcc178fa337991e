import { ruruHTML } from 'ruru/server';
import { EXAMPLE_OPERATIONS, exampleTab } from './example-operations.ts';

/** Where the explorer's own files (public/) and Ruru's prebuilt bundle are served. */
export const EXPLORER_ASSETS_PATH = '/explorer/';
export const RURU_ASSETS_PATH = '/explorer/ruru/';

const TOKEN_BAR = `
<form id="explorer-token" class="explorer-token">
  <label for="explorer-token-input">Bearer token</label>
  <input id="explorer-token-input" type="password" autocomplete="off" spellcheck="false" placeholder="paste a token; empty: anonymous" />
  <button type="submit">Use token</button>
  <span id="explorer-token-state"></span>
  <p>
    <code>npm start</code> prints a token (a street admin of the sample street) and commands for the others;
    <code>npm run -s token -- --help</code> makes any. Each example tab says whose token it needs.
  </p>
</form>`;

/**
 * The explorer's page: Ruru (GraphiQL) from the gateway's own origin, a token field above it,
 * and the example operations as its first tabs.
 */
export function explorerPage(endpoint: string): string {
  const settings = { endpoint, tabs: EXAMPLE_OPERATIONS.map(exampleTab) };
  return ruruHTML({
    endpoint,
    staticPath: RURU_ASSETS_PATH,
    htmlParts: {
      // No icon: the browser would otherwise ask for /favicon.ico.
      titleTag: '<title>Civic graph explorer</title>\n<link rel="icon" href="data:," />',
      styleTags: (original) => `${original}\n<link rel="stylesheet" href="${EXPLORER_ASSETS_PATH}explorer.css" />`,
      bodyContent: (original) => `${TOKEN_BAR}\n${original}\n<script type="application/json" id="explorer-settings">${scriptSafeJson(settings)}</script>`,
      bodyInitScript: `<script type="module" src="${EXPLORER_ASSETS_PATH}explorer.js"></script>`,
    },
  });
}

/** JSON that cannot close the script element it sits in. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
