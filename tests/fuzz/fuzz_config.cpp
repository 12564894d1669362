// SPDX-License-Identifier: MIT
// Fuzzes the config parser and every connector's config validation: any input must end in a
// parsed config or a ConfigError, never a crash.
#include "core/config/AppConfig.h"
#include "core/config/ConfigError.h"
#include "core/sources/ConnectorRegistry.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    try {
        const AppConfig config = parseConfig(text, QStringLiteral("fuzz"));
        for (const SourceConfig &source : config.sources)
            (void)ConnectorRegistry::builtin().create(source);
    } catch (const ConfigError &) {
    }
    return 0;
}
