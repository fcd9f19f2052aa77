import type { ComponentProps } from 'react';
import { {{component}} } from './{{component}}';

// Component Story Format: the default export describes the component, each named
// export is one story rendered from its args.
const meta = {
  title: 'Components/{{component}}',
  component: {{component}},
};
export default meta;

type Story = { args: ComponentProps<typeof {{component}}> };

export const Primary: Story = {
  args: { variant: 'primary', children: 'Save changes' },
};

export const Secondary: Story = {
  args: { variant: 'secondary', children: 'Cancel' },
};

export const Small: Story = {
  args: { variant: 'primary', size: 'sm', children: 'Small' },
};

export const Disabled: Story = {
  args: { variant: 'primary', disabled: true, children: 'Not now' },
};
