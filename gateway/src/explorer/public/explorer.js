/* global document, sessionStorage, fetch, atob, Headers, RURU_CONFIG */
// The explorer in the browser: Ruru (GraphiQL) with the example tabs, and a token field whose
// bearer token goes with every request it sends, introspection included.

const settings = JSON.parse(document.getElementById('explorer-settings').textContent);
const { React, createRoot, Ruru } = await import(`${RURU_CONFIG.staticPath}ruru.js`);

const TOKEN_KEY = 'civic-explorer:token';
const form = document.getElementById('explorer-token');
const input = document.getElementById('explorer-token-input');
const state = document.getElementById('explorer-token-state');
const root = createRoot(document.getElementById('ruru-root'));

/** Sends an operation with the token; a header typed into GraphiQL's headers editor wins. */
function fetcherWith(token) {
  return async (params, options) => {
    const headers = new Headers({ 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' });
    if (token) headers.set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(options?.headers ?? {})) headers.set(name, String(value));
    const response = await fetch(settings.endpoint, { method: 'POST', headers, body: JSON.stringify(withCurrentOperation(params)) });
    return response.json();
  };
}

/**
 * GraphiQL learns the operation's name from the editor a moment after a tab opens, so a run right
 * after switching tabs can name the previous tab's operation. A document of one operation needs no
 * name: send what the editor shows, not the stale name.
 */
function withCurrentOperation(params) {
  const names = [...(params.query ?? '').matchAll(/\b(?:query|mutation|subscription)\s+([_A-Za-z]\w*)/g)].map((match) => match[1]);
  if (!params.operationName || names.includes(params.operationName) || names.length > 1) return params;
  const { operationName: _stale, ...current } = params;
  return current;
}

/** Who the token says the caller is (read, not verified: the gateway verifies it). */
function describe(token) {
  if (!token) return 'No token: you query as an anonymous caller.';
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    const expires = new Date(claims.exp * 1000).toLocaleString();
    return `Token of ${claims.sub} (${(claims.roles ?? []).join(', ')}), until ${expires}.`;
  } catch {
    return 'This does not look like a token; the gateway will refuse it.';
  }
}

// A new fetcher makes GraphiQL read the schema again, as the new caller; the tabs stay as they are.
function use(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  state.textContent = describe(token);
  root.render(React.createElement(Ruru, { ...RURU_CONFIG, fetcher: fetcherWith(token), defaultTabs: settings.tabs }));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  use(input.value.trim());
});
input.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
use(input.value);
