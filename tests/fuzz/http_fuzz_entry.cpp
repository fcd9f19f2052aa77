// SPDX-License-Identifier: Apache-2.0
#include "http_fuzz_entry.h"

#include "http_request_parser.h"

#include <QByteArrayView>

namespace helios::server::fuzz {

int oneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype slice = 1 + data[0] % 64;
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    HttpRequestParser parser({4096, 2048});
    for (qsizetype at = 0; at < input.size(); at += slice) {
        parser.feed(input.sliced(at, qMin(slice, input.size() - at)));
        while (true) {
            const HttpRequestParser::Event event = parser.next();
            if (event == HttpRequestParser::Event::NeedMore)
                break;
            if (event == HttpRequestParser::Event::Error) {
                // A failure must carry a status to answer and is final.
                if (parser.errorStatus() < 400 || parser.next() != HttpRequestParser::Event::Error)
                    __builtin_trap();
                return 0;
            }
            if (event == HttpRequestParser::Event::HeadersComplete) {
                (void)parser.rawHead().size();
                (void)parser.bytesAfterHead().size();
                continue;
            }
            const HttpRequest request = parser.takeRequest();
            // What routes rely on: an absolute path with no ".." segment and no NUL.
            if (!request.path.startsWith('/') || request.path.contains('\0') || request.path.contains("/../")
                || request.path.endsWith("/..") || request.body.size() > 4096) {
                __builtin_trap();
            }
            (void)request.header("host");
            (void)request.queryValue("a");
        }
    }
    return 0;
}

} // namespace helios::server::fuzz
