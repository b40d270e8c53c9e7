/** The build's context as pages, components and the content config import it (see integration.ts). */
declare module 'virtual:gongkai/context' {
  export const context: import('./context.ts').SiteContext;
}
