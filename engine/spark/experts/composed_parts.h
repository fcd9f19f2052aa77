// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spark/expert.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <initializer_list>

// Composition shared by the experts that place other experts' components inside their
// own (a card's buttons, a dialog's fields): generate each part once into the parent's
// folder, import it, and write one JSX element per instance with its label.
namespace helios::spark::source {

struct PartUse {
    ExpertFamily family = ExpertFamily::Button;
    QString name;          // the part component's name; imported from './<name>'
    QStringList labels;    // one per instance, in order
};

struct ComposedParts {
    QList<PartUse> uses;
    QList<GeneratedFile> files;   // the parts' .tsx and .module.css, in the parent's folder
    QStringList names;            // for GeneratedComponent::composedParts
    QString imports;              // "import { Button } from './Button';\n" lines
    const PartUse *find(ExpertFamily family) const;
};

// Composes the `requested` parts whose family is in `accepted` (others are noted and left
// out). With `ensureCount` > 0, a part of family `ensure` with that many instances is added
// when the request has none (a dialog's buttons). Parts are named after their family's
// default ("Button"), prefixed with `parent` if that clashes. At most 6 instances of each;
// instances without a label get defaults, which are noted.
ComposedParts composeParts(const QList<ComposedPart> &requested, std::initializer_list<ExpertFamily> accepted,
                           const QString &parent, const ExpertContext &context, QStringList &notes,
                           ExpertFamily ensure = ExpertFamily::Button, int ensureCount = 0);

// One instance as JSX: <Button variant="primary" ATTRS>Label</Button>, <TextField
// label={'Email'} ATTRS />, <Select label={...} />, <CheckboxGroup legend={...} />.
// `attributes` (written by the expert, may be empty) go in the opening tag.
QString partElement(const PartUse &use, int index, const QString &attributes = {});

} // namespace helios::spark::source
