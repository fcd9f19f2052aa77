// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"
#include "ignition/template_manifest.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace helios::ignition {

// A template ready to render: its root directory and its checked manifest.
//
// A reference is, in this order:
//   a git URL (contains "://" or ends in ".git"): cloned with libgit2 into a temporary
//     directory owned by this object and removed with it; its .git is never rendered;
//   an existing local directory holding a template.json;
//   the name of a built-in template, compiled in from resources/templates.
class TemplateSource {
public:
    // Fails with NotFound for an unknown name or a directory without template.json,
    // Unavailable when a clone fails, InvalidArgument for a bad manifest.
    static Result<TemplateSource> open(const QString &reference);

    // The built-in templates' names, sorted.
    static QStringList builtInNames();

    TemplateSource(TemplateSource &&other) noexcept;
    TemplateSource &operator=(TemplateSource &&other) noexcept;
    ~TemplateSource();

    const TemplateManifest &manifest() const;
    // Where the files are: a ":/" resource path, a local directory or the clone.
    QString rootDir() const;
    // What the Store records as template_source: "builtin:<name>", the absolute
    // directory, or the URL.
    QString origin() const;

private:
    TemplateSource();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::ignition
