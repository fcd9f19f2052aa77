export * from './components/{{component}}';
