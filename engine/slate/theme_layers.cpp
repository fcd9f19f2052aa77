// SPDX-License-Identifier: Apache-2.0
#include "slate/theme_layers.h"

#include "slate/token_reader.h"
#include "slate/token_resolver.h"

namespace helios::slate {

std::vector<int> ThemeLayers::changedTokens(const TokenSet &themed, const QSet<QString> &layerFiles)
{
    const size_t n = themed.tokens().size();
    // Reverse edges (target -> tokens that alias it), built once: the walk is linear.
    std::vector<std::vector<int>> dependents(n);
    for (size_t i = 0; i < n; ++i) {
        for (const TokenReference &ref : themed.tokens()[i].references) {
            const int target = themed.indexOf(ref.targetPath);
            if (target >= 0)
                dependents[size_t(target)].push_back(int(i));
        }
    }
    std::vector<char> changed(n, 0);
    std::vector<int> queue;
    for (size_t i = 0; i < n; ++i) {
        if (layerFiles.contains(themed.tokens()[i].file)) {
            changed[i] = 1;
            queue.push_back(int(i));
        }
    }
    for (size_t head = 0; head < queue.size(); ++head) {
        for (const int d : dependents[size_t(queue[head])]) {
            if (!changed[size_t(d)]) {
                changed[size_t(d)] = 1;
                queue.push_back(d);
            }
        }
    }
    std::vector<int> out;
    for (size_t i = 0; i < n; ++i) {
        if (changed[i])
            out.push_back(int(i));
    }
    return out;
}

TokenSet ThemeLayers::readThemed(const QStringList &baseFiles, const QStringList &layerFiles)
{
    TokenReader reader;
    for (const QString &f : baseFiles)
        reader.addFile(f);
    for (const QString &f : layerFiles)
        reader.addFile(f);
    TokenSet set = reader.finish();
    (void)TokenResolver::resolve(set);
    return set;
}

} // namespace helios::slate
