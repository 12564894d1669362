// SPDX-License-Identifier: MIT
#include "ItemRedaction.h"

#include "core/config/Secrets.h"

void redactSecretsIn(Items *items) {
    for (Item &item : *items) {
        for (QString *text : {&item.id, &item.title, &item.state, &item.url, &item.project,
                              &item.reason, &item.raisedBy, &item.column, &item.severity.raw})
            *text = redactSecrets(*text);
        for (QString &person : item.people)
            person = redactSecrets(person);
    }
}
