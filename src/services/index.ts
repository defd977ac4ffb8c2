/**
 * consent-gate/services: ready-made services for common trackers and embeds. One named export
 * each, plain data, so that a bundler keeps only the ones a site imports.
 * @packageDocumentation
 */
export type { PresetCategory, ServicePreset } from './preset';
export { servicesFrom } from './preset';
export * from './analytics';
export * from './marketing';
export * from './embeds';
