// Vite turns `?inline` CSS imports into strings; declared here because this package has no Vite.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
