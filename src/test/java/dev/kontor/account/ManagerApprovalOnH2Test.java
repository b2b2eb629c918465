package dev.kontor.account;

import dev.kontor.testing.IntegrationTest;

@IntegrationTest
class ManagerApprovalOnH2Test extends ManagerApprovalOnDatabase {
}
