// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

// Pieces of a component's Name.stories.tsx in the react-library template's Component
// Story Format, shared by the experts so that every stories file starts the same way.
namespace helios::spark::source {

// The imports, the default export (title 'Components/<name>', the component) and the
// Story type. `extraImports`: more import lines, each ending in a newline.
QString storiesHeader(const QString &name, const QString &extraImports = {});

// One story: "export const <story>: Story = {\n  args: { <args> },\n};\n", preceded by a
// blank line. `args` is TypeScript written by the expert (escape prompt text first).
QString story(const QString &storyName, const QString &args);

// "sm" -> "Small", "lg" -> "Large", "xs" -> "ExtraSmall", "primary" -> "Primary": a story
// name for a size or variant value.
QString storyName(const QString &value);

// One story per size other than `defaultSize`, named after the size, with args
// `before` + "size: '<size>'" + `after` (e.g. before "open: true, ", after ", children: 'Go'").
QString sizeStories(const QStringList &sizes, const QString &defaultSize, const QString &before = {},
                    const QString &after = {});

} // namespace helios::spark::source
