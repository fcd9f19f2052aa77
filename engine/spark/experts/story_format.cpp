// SPDX-License-Identifier: Apache-2.0
#include "spark/experts/story_format.h"

#include "spark/experts/source_text.h"

namespace helios::spark::source {

QString storiesHeader(const QString &name, const QString &extraImports)
{
    return QStringLiteral("import type { ComponentProps } from 'react';\n"
                          "import { %1 } from './%1';\n"
                          "%2\n"
                          "// Component Story Format: the default export describes the component, each named\n"
                          "// export is one story rendered from its args.\n"
                          "const meta = {\n"
                          "  title: 'Components/%1',\n"
                          "  component: %1,\n"
                          "};\n"
                          "export default meta;\n"
                          "\n"
                          "type Story = { args: ComponentProps<typeof %1> };\n")
        .arg(name, extraImports);
}

QString story(const QString &storyName, const QString &args)
{
    return QStringLiteral("\nexport const %1: Story = {\n  args: { %2 },\n};\n").arg(storyName, args);
}

QString storyName(const QString &value)
{
    if (value == QLatin1StringView("sm"))
        return QStringLiteral("Small");
    if (value == QLatin1StringView("md"))
        return QStringLiteral("Medium");
    if (value == QLatin1StringView("lg"))
        return QStringLiteral("Large");
    if (value == QLatin1StringView("xs"))
        return QStringLiteral("ExtraSmall");
    if (value == QLatin1StringView("xl"))
        return QStringLiteral("ExtraLarge");
    return pascalIdentifier(value);
}

QString sizeStories(const QStringList &sizes, const QString &defaultSize, const QString &before, const QString &after)
{
    QString out;
    for (const QString &size : sizes) {
        if (size != defaultSize)
            out += story(storyName(size), before + QStringLiteral("size: '") + size + QLatin1Char('\'') + after);
    }
    return out;
}

} // namespace helios::spark::source
