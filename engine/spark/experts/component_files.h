// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/component_request.h"
#include "spark/generated_component.h"

#include <QString>
#include <QStringList>

namespace helios::spark {

// The sources an expert wrote for one component, before they become files.
struct ComponentSources {
    QString tsx;                   // Name.tsx
    QString css;                   // Name.module.css
    QString stories;               // Name.stories.tsx (ignored for a part)
    QStringList exportedTypes;     // type names index.ts re-exports besides NameProps
};

// The component's name: the request's, or the family's default.
QString componentName(const ComponentRequest &request, ExpertFamily family);

// Files in the layout GeneratedComponent describes: "<folder>/<name>.tsx",
// "<folder>/<name>.module.css", and unless `asPart` the stories and an index.ts that
// exports the component and NameProps (plus `exportedTypes`). `folder` defaults to `name`.
GeneratedComponent assembleComponent(ExpertFamily family, const QString &name, const ComponentSources &sources,
                                     bool asPart, const QString &folder = {});

} // namespace helios::spark
