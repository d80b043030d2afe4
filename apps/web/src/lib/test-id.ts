/**
 * A data-testid for props objects that antd passes on to the DOM (okButtonProps, onRow…), whose types
 * do not list data-* attributes. Spread it: `okButtonProps={{ danger: true, ...testId('x') }}`.
 */
export const testId = (id: string): object => ({ 'data-testid': id });
