// Svelte components, as the Svelte plugin compiles them for the frameworks tests.
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<any>;
  export default component;
}
