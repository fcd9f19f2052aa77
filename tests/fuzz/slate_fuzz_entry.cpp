// SPDX-License-Identifier: Apache-2.0
#include "slate_fuzz_entry.h"

#include "slate/css_value_writer.h"
#include "slate/json_reader.h"
#include "slate/lint/token_linter.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"

#include <QByteArrayView>

namespace helios::slate::fuzz {

int oneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)JsonReader::parse(input, QStringLiteral("fuzz.json"));

    const qsizetype split = input.indexOf('\0');
    TokenReader reader;
    reader.addData(split < 0 ? input : input.first(split), QStringLiteral("base.json"));
    if (split >= 0)
        reader.addData(input.sliced(split + 1), QStringLiteral("override.json"));
    TokenSet set = reader.finish();
    (void)TokenResolver::resolve(set);
    for (const Token &t : set.tokens()) {
        if (t.resolved)
            (void)CssValueWriter::write(t.type, t.resolvedValue);
    }
    (void)TokenLinter().run(set);
    return 0;
}

} // namespace helios::slate::fuzz
