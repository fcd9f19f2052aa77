import type { ButtonHTMLAttributes } from 'react';
import styles from './{{component}}.module.css';

export type {{component}}Variant = 'primary' | 'secondary';
export type {{component}}Size = 'sm' | 'md';

export interface {{component}}Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Visual weight: primary for the main action of a view. */
  variant?: {{component}}Variant;
  size?: {{component}}Size;
}

/** A button whose colours, spacing, radius and type all come from the design tokens. */
export function {{component}}({ variant = 'primary', size = 'md', type = 'button', className, ...rest }: {{component}}Props) {
  const classes = [styles.root, styles[variant], styles[size], className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
