// SPDX-License-Identifier: Apache-2.0
#include "export_renderer.h"

#include "slate/css_formatter.h"
#include "slate/json_formatter.h"
#include "slate/scss_formatter.h"
#include "slate/theme_layers.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"
#include "slate/typescript_formatter.h"

#include <QSet>

namespace helios::panels {

namespace {

slate::TokenSet readSet(const std::vector<slate::TokenDocument::File> &files, const QString &theme)
{
    slate::TokenReader reader;
    for (const auto &f : files) {
        if (f.theme.isEmpty() || f.theme == theme)
            reader.addData(f.text, f.path);
    }
    slate::TokenSet set = reader.finish();
    (void)slate::TokenResolver::resolve(set);
    return set;
}

} // namespace

ExportRenderer::Output ExportRenderer::render(const std::vector<slate::TokenDocument::File> &files, const QString &activeTheme)
{
    QStringList themes;
    for (const auto &f : files) {
        if (!f.theme.isEmpty() && !themes.contains(f.theme))
            themes.append(f.theme);
    }
    const slate::TokenSet base = readSet(files, {});
    // ThemeBlock points into this vector: it is sized once and never grows afterwards.
    std::vector<slate::TokenSet> themed;
    themed.reserve(size_t(themes.size()));
    std::vector<slate::CssFormatter::ThemeBlock> blocks;
    const slate::TokenSet *active = &base;
    for (const QString &theme : themes) {
        themed.push_back(readSet(files, theme));
        QSet<QString> layerFiles;
        for (const auto &f : files) {
            if (f.theme == theme)
                layerFiles.insert(f.path);
        }
        blocks.push_back({QStringLiteral("[data-theme=\"%1\"]").arg(theme), &themed.back(),
                          slate::ThemeLayers::changedTokens(themed.back(), layerFiles)});
        if (theme == activeTheme)
            active = &themed.back();
    }
    slate::FormatOptions options;
    Output out;
    out.text[Css] = slate::CssFormatter::format(base, options, blocks);
    out.text[Scss] = slate::ScssFormatter::format(*active, options);
    slate::FormatOptions camel = options;
    camel.nameCase = slate::NameCase::Camel;
    out.text[TypeScript] = slate::TypeScriptFormatter::module(*active, camel);
    out.text[Json] = slate::JsonFormatter::nested(*active, options);
    return out;
}

} // namespace helios::panels
