package dev.kontor.account;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class AccountRenameVersionsOnH2Test extends AccountRenameVersions {
}
