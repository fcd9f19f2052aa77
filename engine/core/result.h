// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace helios {

// What went wrong, in categories a caller can act on (retry, report, map to HTTP).
enum class ErrorCode {
    InvalidArgument,  // the caller's input is wrong; retrying will not help
    NotFound,
    AlreadyExists,
    Conflict,         // state changed under the caller (version mismatch, lock)
    Unavailable,      // a backend cannot be reached; retrying later may help
    Timeout,
    Unauthenticated,
    PermissionDenied,
    TooLarge,
    Corrupt,          // stored data or a digest does not match what it claims
    Io,               // local file system
    Unsupported,
    Internal,
};

QString errorCodeName(ErrorCode code);

// An error with English developer text. `context` says where it happened (a file:line,
// a URL with its secret removed, a token path): it is recorded once, at the failure,
// and passed up unchanged.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString context;

    QString toString() const;
};

// A value or an Error. No exceptions cross module boundaries; every fallible call in
// the engine returns one of these.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_state); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, QString message, QString context = {})
{
    return Error{code, std::move(message), std::move(context)};
}

} // namespace helios

// Returns the error of a failed Result from the enclosing function.
#define HELIOS_TRY(expr)                                                                           \
    do {                                                                                           \
        auto &&heliosTryResult_ = (expr);                                                          \
        if (!heliosTryResult_.ok())                                                                \
            return heliosTryResult_.error();                                                       \
    } while (false)
