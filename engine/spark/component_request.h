// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "spark/expert_family.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace helios::spark {

// A part the prompt asks to be composed in: "a card with a title, an image and two
// buttons" gives {Button, 2, {}}.
struct ComposedPart {
    ExpertFamily family = ExpertFamily::Button;
    int count = 1;
    QStringList labels;
};

// What a prompt asks for, read once and handed to whichever experts the router chose.
// Every field is optional: an expert fills what is missing with sensible defaults and
// says so in GeneratedComponent::notes.
struct ComponentRequest {
    QString prompt;                // trimmed, at most maxPromptLength characters
    QString name;                  // PascalCase from "called X" / "named X" / "X component"; empty if none
    QStringList variants;          // "primary", "secondary", "danger", "ghost", "outline", ...
    QStringList sizes;             // "sm", "md", "lg"
    QStringList labels;            // quoted strings, in order: "Save", "Cancel"
    QStringList items;             // named items: tabs, links, menu entries, options, sections
    QStringList columns;           // table columns, in order
    int count = 0;                 // "three tabs", "5 items", "4 columns"; 0 when not said
    QString title;                 // "titled X", "with the title X"
    QString description;           // "with the text X", "saying X"
    QString subject;               // what it is for or on: "for dark mode", "on the delete button"
    bool disabled = false;
    bool loading = false;
    bool required = false;
    bool dismissible = false;      // closable / dismissable
    bool searchable = false;
    bool multiple = false;         // multi-select
    bool sortable = false;
    bool withIcon = false;
    bool withImage = false;
    QList<ComposedPart> parts;     // other experts' components to compose in

    static constexpr int maxPromptLength = 2000;
};

// Reads a prompt. Fails (InvalidArgument, a message a user can act on) when it is
// empty, has no letters at all, or is longer than maxPromptLength. Never fails on
// anything else: an unusual prompt yields a request with fewer fields set.
// Names are sanitised to [A-Z][A-Za-z0-9]{0,63}; text is kept as plain text (experts
// escape it for JSX and CSS).
Result<ComponentRequest> readComponentRequest(const QString &prompt);

} // namespace helios::spark
