// Every component's stories, in the order the showcase (main.tsx) shows them. Helios adds
// a line here when it writes a component into the project; add your own the same way.
export * as {{component}} from './components/{{component}}/{{component}}.stories';
