export { {{component}} } from './{{component}}';
export type { {{component}}Props, {{component}}Size, {{component}}Variant } from './{{component}}';
