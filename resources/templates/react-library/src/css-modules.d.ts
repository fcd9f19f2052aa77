// CSS modules export their class names, which the build makes unique.
declare module '*.module.css' {
  const classes: { readonly [name: string]: string };
  export default classes;
}
