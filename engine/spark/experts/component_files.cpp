// SPDX-License-Identifier: Apache-2.0
#include "spark/experts/component_files.h"

namespace helios::spark {

QString componentName(const ComponentRequest &request, ExpertFamily family)
{
    return request.name.isEmpty() ? QString(familyInfo(family).defaultName) : request.name;
}

GeneratedComponent assembleComponent(ExpertFamily family, const QString &name, const ComponentSources &sources,
                                     bool asPart, const QString &folder)
{
    const QString dir = (folder.isEmpty() ? name : folder) + QLatin1Char('/');
    GeneratedComponent component;
    component.name = name;
    component.family = family;
    component.expert = QString(familyInfo(family).id);
    component.files.append({dir + name + QLatin1StringView(".tsx"), sources.tsx.toUtf8()});
    component.files.append({dir + name + QLatin1StringView(".module.css"), sources.css.toUtf8()});
    if (asPart)
        return component;
    component.files.append({dir + name + QLatin1StringView(".stories.tsx"), sources.stories.toUtf8()});
    QStringList types{name + QLatin1StringView("Props")};
    types += sources.exportedTypes;
    const QString index = QLatin1StringView("export { ") + name + QLatin1StringView(" } from './") + name
        + QLatin1StringView("';\nexport type { ") + types.join(QLatin1StringView(", ")) + QLatin1StringView(" } from './")
        + name + QLatin1StringView("';\n");
    component.files.append({dir + QLatin1StringView("index.ts"), index.toUtf8()});
    return component;
}

} // namespace helios::spark
