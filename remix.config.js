/**
 * Remix 2 with its classic compiler (esbuild), not Vite: see README « Décisions », D1.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // node_modules stay external: the server build only bundles our code and the generated Prisma client.
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: with lazy discovery, a form whose action redirects to a route the page had not discovered
    // (the last project step → the self-assessment) sometimes left an empty page (e2e, 12 h journey).
    // The whole route manifest is small (about 50 routes): it is sent with the page.
    v3_lazyRouteDiscovery: false,
    // Off on purpose (D1): said explicitly, so that the build stops printing its notice.
    v3_singleFetch: false,
  },
};
