// For TypeScript's node10 resolution, which reads no package.json "exports": the types of
// `import 'consent-gate/styles.css'`. A stylesheet, imported for its side effect; it exports nothing.
export {};
