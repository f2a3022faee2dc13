export { MfeErrorBoundary } from './ErrorBoundary';
export { createLifecycles, type LifecycleOptions, type Lifecycles } from './lifecycles';
export { styleSheet } from './styles';
