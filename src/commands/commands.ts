/*
 * Ribbon commands. The only button (Home → Metals Desk → Desk Record) is a ShowTaskpane action in
 * the manifest, which Office handles without code; this file exists because the manifest's
 * <FunctionFile> must name a page, and it is where ExecuteFunction handlers would be associated.
 */
Office.onReady(() => {
  // Nothing to associate yet: no ExecuteFunction buttons.
});
