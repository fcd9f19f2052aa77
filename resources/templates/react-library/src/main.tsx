import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import meta, * as stories from './components/{{component}}/{{component}}.stories';
import styles from './showcase.module.css';

// A small showcase: every story of the example component, rendered from its args.
// Switch the theme with the button; the tokens' dark layer applies under [data-theme="dark"].
function Showcase() {
  const Component = meta.component;
  const named = Object.entries(stories).filter(([name]) => name !== 'default') as [
    string,
    { args: Parameters<typeof Component>[0] },
  ][];
  const toggleTheme = () => {
    const root = document.documentElement;
    root.dataset.theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
  };
  return (
    <main className={styles.page}>
      <h1>{meta.title}</h1>
      <Component variant="secondary" onClick={toggleTheme}>
        Toggle dark theme
      </Component>
      {named.map(([name, story]) => (
        <section key={name} className={styles.story}>
          <span className={styles.storyName}>{name}</span>
          <Component {...story.args} />
        </section>
      ))}
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Showcase />
  </StrictMode>,
);
