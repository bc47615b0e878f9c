export { type Conditions, conditionHeaders, type Versioned } from './conditions.js';
