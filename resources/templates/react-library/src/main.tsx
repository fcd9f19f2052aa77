import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { {{component}} } from './components/{{component}}';
import * as catalogue from './stories';
import styles from './showcase.module.css';

// Component Story Format: the default export names the component, each named export is one
// story rendered from its args.
type StoryModule = {
  default: { title: string; component: ComponentType<Record<string, unknown>> };
  [story: string]: unknown;
};

function ComponentStories({ stories }: { stories: StoryModule }) {
  const { title, component: Component } = stories.default;
  const named = Object.entries(stories).filter(([name]) => name !== 'default') as [
    string,
    { args?: Record<string, unknown> },
  ][];
  return (
    <section className={styles.component} data-component={title}>
      <h2>{title}</h2>
      {named.map(([name, story]) => (
        <div key={name} className={styles.story}>
          <span className={styles.storyName}>{name}</span>
          <Component {...story.args} />
        </div>
      ))}
    </section>
  );
}

// A small showcase: every story of every component listed in stories.ts.
// Switch the theme with the button; the tokens' dark layer applies under [data-theme="dark"].
function Showcase() {
  const toggleTheme = () => {
    const root = document.documentElement;
    root.dataset.theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
  };
  return (
    <main className={styles.page}>
      <{{component}} variant="secondary" onClick={toggleTheme}>
        Toggle dark theme
      </{{component}}>
      {Object.values(catalogue as Record<string, StoryModule>).map((stories) => (
        <ComponentStories key={stories.default.title} stories={stories} />
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
