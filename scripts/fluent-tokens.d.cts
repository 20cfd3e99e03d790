/** Types for fluent-tokens.cjs (the webpack step that writes tokens.css), for the tests. */
export declare function tokensCss(
  cssFiles: readonly string[],
  theme: Readonly<Record<string, string | number>>,
  label: string,
): string;
export declare class FluentTokensCss {
  constructor(options: { css: string[]; filename?: string });
}
