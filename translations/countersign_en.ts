<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>cs::AccountNumber</name>
    <message>
        <source>An account number has 16 digits and starts with 6 or 9.</source>
        <translation>An account number has 16 digits and starts with 6 or 9.</translation>
    </message>
    <message>
        <source>The account number is mistyped: its check digit does not match. Check each digit.</source>
        <translation>The account number is mistyped: its check digit does not match. Check each digit.</translation>
    </message>
    <message>
        <source>Enter the account number.</source>
        <translation>Enter the account number.</translation>
    </message>
</context>
<context>
    <name>cs::AccountService</name>
    <message>
        <source>There is no account %1.</source>
        <translation>There is no account %1.</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>Give the reason.</translation>
    </message>
    <message>
        <source>The reason code must be one of: %1.</source>
        <translation>The reason code must be one of: %1.</translation>
    </message>
    <message>
        <source>Account %1 is an internal account of the branch.</source>
        <translation>Account %1 is an internal account of the branch.</translation>
    </message>
    <message>
        <source>Choose the product.</source>
        <translation>Choose the product.</translation>
    </message>
    <message>
        <source>The class is I, II or III.</source>
        <translation>The class is I, II or III.</translation>
    </message>
    <message>
        <source>There is no such customer.</source>
        <translation>There is no such customer.</translation>
    </message>
    <message>
        <source>There is no product %1.</source>
        <translation>There is no product %1.</translation>
    </message>
    <message>
        <source>Product %1 is not opened as an account at the counter.</source>
        <translation>Product %1 is not opened as an account at the counter.</translation>
    </message>
    <message>
        <source>A company opens a corporate account.</source>
        <translation>A company opens a corporate account.</translation>
    </message>
    <message>
        <source>A corporate account is for companies only.</source>
        <translation>A corporate account is for companies only.</translation>
    </message>
    <message>
        <source>Choose the class of a personal demand account: I, II or III.</source>
        <translation>Choose the class of a personal demand account: I, II or III.</translation>
    </message>
    <message>
        <source>Only a personal demand account has a class.</source>
        <translation>Only a personal demand account has a class.</translation>
    </message>
    <message>
        <source>A Class II or III account is bound to the customer&apos;s Class I account: enter its number.</source>
        <translation>A Class II or III account is bound to the customer&apos;s Class I account: enter its number.</translation>
    </message>
    <message>
        <source>Only a Class II or III account is bound to another account.</source>
        <translation>Only a Class II or III account is bound to another account.</translation>
    </message>
    <message>
        <source>The customer already has a Class I account at this bank; open a Class II or III.</source>
        <translation>The customer already has a Class I account at this bank; open a Class II or III.</translation>
    </message>
    <message>
        <source>Account %1 is not an open Class I account of this customer.</source>
        <translation>Account %1 is not an open Class I account of this customer.</translation>
    </message>
    <message>
        <source>The branch has used up its account numbers.</source>
        <translation>The branch has used up its account numbers.</translation>
    </message>
    <message>
        <source>Account %1 is already frozen.</source>
        <translation>Account %1 is already frozen.</translation>
    </message>
    <message>
        <source>Account %1 is closed or dormant.</source>
        <translation>Account %1 is closed or dormant.</translation>
    </message>
    <message>
        <source>Account %1 is not frozen.</source>
        <translation>Account %1 is not frozen.</translation>
    </message>
    <message>
        <source>Account %1 is already closed.</source>
        <translation>Account %1 is already closed.</translation>
    </message>
    <message>
        <source>Account %1 is frozen: unfreeze it before closing.</source>
        <translation>Account %1 is frozen: unfreeze it before closing.</translation>
    </message>
    <message>
        <source>Account %1 has active holds: release them before closing.</source>
        <translation>Account %1 has active holds: release them before closing.</translation>
    </message>
    <message>
        <source>Account %1 still holds %2: pay it out before closing.</source>
        <translation>Account %1 still holds %2: pay it out before closing.</translation>
    </message>
    <message>
        <source>Class II or III accounts are bound to account %1: close them first.</source>
        <translation>Class II or III accounts are bound to account %1: close them first.</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>The end of the period is before its start.</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2.</source>
        <translation>Account %1 is kept in %2.</translation>
    </message>
    <message>
        <source>Cards are issued on account %1: cancel them first.</source>
        <translation>Cards are issued on account %1: cancel them first.</translation>
    </message>
</context>
<context>
    <name>cs::AmountFormat</name>
    <message>
        <source>Chinese capital numerals are written for CNY only, not for %1.</source>
        <translation>Chinese capital numerals are written for CNY only, not for %1.</translation>
    </message>
    <message>
        <source>The amount is too large to write in Chinese capital numerals.</source>
        <translation>The amount is too large to write in Chinese capital numerals.</translation>
    </message>
</context>
<context>
    <name>cs::AmountParser</name>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>%1 is empty: enter an amount.</source>
        <translation>%1 is empty: enter an amount.</translation>
    </message>
    <message>
        <source>%1 must be written in digits with an optional decimal point, such as %2.</source>
        <translation>%1 must be written in digits with an optional decimal point, such as %2.</translation>
    </message>
    <message>
        <source>%1: put a comma after every three digits, such as %2, or leave the commas out.</source>
        <translation>%1: put a comma after every three digits, such as %2, or leave the commas out.</translation>
    </message>
    <message>
        <source>%1 must not start with a zero.</source>
        <translation>%1 must not start with a zero.</translation>
    </message>
    <message>
        <source>%1: %2 amounts have no decimals.</source>
        <translation>%1: %2 amounts have no decimals.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 amounts have at most %n decimal(s).</source>
        <translation>
            <numerusform>%1: %2 amounts have at most %n decimal.</numerusform>
            <numerusform>%1: %2 amounts have at most %n decimals.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 must not be negative.</source>
        <translation>%1 must not be negative.</translation>
    </message>
    <message>
        <source>%1 is too large.</source>
        <translation>%1 is too large.</translation>
    </message>
    <message>
        <source>%1 must not be zero.</source>
        <translation>%1 must not be zero.</translation>
    </message>
</context>
<context>
    <name>cs::ApprovalActions</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>ID copy</source>
        <translation>ID copy</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Agent&apos;s ID number</source>
        <translation>Agent&apos;s ID number</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>Business date</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>posted</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>reversed</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>Reason code</translation>
    </message>
    <message>
        <source>Cash box session</source>
        <translation>Cash box session</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <source>Over, to suspense payable</source>
        <translation>Over, to suspense payable</translation>
    </message>
    <message>
        <source>Short, to suspense receivable</source>
        <translation>Short, to suspense receivable</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>frozen</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>dormant</translation>
    </message>
    <message>
        <source>in full</source>
        <translation>in full</translation>
    </message>
    <message>
        <source>no debits</source>
        <translation>no debits</translation>
    </message>
    <message>
        <source>no credits</source>
        <translation>no credits</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <source>returned to the vault</source>
        <translation>returned to the vault</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>New card</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>set</source>
        <translation>set</translation>
    </message>
    <message>
        <source>cleared; the customer sets a new one</source>
        <translation>cleared; the customer sets a new one</translation>
    </message>
</context>
<context>
    <name>cs::ApprovalService</name>
    <message>
        <source>There is no approval %1.</source>
        <translation>There is no approval %1.</translation>
    </message>
    <message>
        <source>%1 is not a command that can wait for approval.</source>
        <translation>%1 is not a command that can wait for approval.</translation>
    </message>
    <message>
        <source>A checker-only user cannot start an action.</source>
        <translation>A checker-only user cannot start an action.</translation>
    </message>
    <message>
        <source>A command that waits for approval needs a request id of 1 to 64 characters.</source>
        <translation>A command that waits for approval needs a request id of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>Ask for 1 to 500 approvals at a time.</source>
        <translation>Ask for 1 to 500 approvals at a time.</translation>
    </message>
    <message>
        <source>You entered approval %1: another person must decide it.</source>
        <translation>You entered approval %1: another person must decide it.</translation>
    </message>
    <message>
        <source>%1 is above your approval authority of %2.</source>
        <translation>%1 is above your approval authority of %2.</translation>
    </message>
    <message>
        <source>Type the amount of approval %1 again to approve it.</source>
        <translation>Type the amount of approval %1 again to approve it.</translation>
    </message>
    <message>
        <source>The amount typed does not match the amount entered: approval %1 stays pending.</source>
        <translation>The amount typed does not match the amount entered: approval %1 stays pending.</translation>
    </message>
    <message>
        <source>Give the reason for the rejection.</source>
        <translation>Give the reason for the rejection.</translation>
    </message>
    <message>
        <source>Only the person who entered approval %1 may cancel it.</source>
        <translation>Only the person who entered approval %1 may cancel it.</translation>
    </message>
    <message>
        <source>Cancelled by the maker.</source>
        <translation>Cancelled by the maker.</translation>
    </message>
    <message>
        <source>Only the branch&apos;s own staff may expire its approvals.</source>
        <translation>Only the branch&apos;s own staff may expire its approvals.</translation>
    </message>
    <message>
        <source>Expired at the end of business day %1.</source>
        <translation>Expired at the end of business day %1.</translation>
    </message>
    <message>
        <source>The same command for this %1 is already waiting for approval.</source>
        <translation>The same command for this %1 is already waiting for approval.</translation>
    </message>
    <message>
        <source>Approval %1 has already been decided, cancelled or expired.</source>
        <translation>Approval %1 has already been decided, cancelled or expired.</translation>
    </message>
    <message>
        <source>The same command is already waiting for approval (number %1).</source>
        <translation>The same command is already waiting for approval (number %1).</translation>
    </message>
</context>
<context>
    <name>cs::AuditLog</name>
    <message>
        <source>The record is missing: it was deleted (the chain goes from #%1 to #%2).</source>
        <translation>The record is missing: it was deleted (the chain goes from #%1 to #%2).</translation>
    </message>
    <message>
        <source>The chain of this record has no head row: it was deleted.</source>
        <translation>The chain of this record has no head row: it was deleted.</translation>
    </message>
    <message>
        <source>The record does not link to the record before it: records were reordered, inserted or replaced.</source>
        <translation>The record does not link to the record before it: records were reordered, inserted or replaced.</translation>
    </message>
    <message>
        <source>The record was edited: its content no longer matches its hash.</source>
        <translation>The record was edited: its content no longer matches its hash.</translation>
    </message>
    <message>
        <source>The record lies beyond the head of its chain (#%1): the head was moved back or the record was added outside the program.</source>
        <translation>The record lies beyond the head of its chain (#%1): the head was moved back or the record was added outside the program.</translation>
    </message>
    <message>
        <source>The records of this chain were deleted: its head says it runs to #%1, but none is left.</source>
        <translation>The records of this chain were deleted: its head says it runs to #%1, but none is left.</translation>
    </message>
    <message>
        <source>The last records of this chain were deleted: its head says it runs to #%1, but it ends at #%2.</source>
        <translation>The last records of this chain were deleted: its head says it runs to #%1, but it ends at #%2.</translation>
    </message>
    <message>
        <source>The head of the chain does not match its last record: the head or the record was replaced.</source>
        <translation>The head of the chain does not match its last record: the head or the record was replaced.</translation>
    </message>
    <message>
        <source>An audit record needs the terminal it was made at.</source>
        <translation>An audit record needs the terminal it was made at.</translation>
    </message>
    <message>
        <source>An audit record needs an action.</source>
        <translation>An audit record needs an action.</translation>
    </message>
    <message>
        <source>The head of the audit chain %1 cannot be created.</source>
        <translation>The head of the audit chain %1 cannot be created.</translation>
    </message>
    <message>
        <source>The audit record cannot be hashed.</source>
        <translation>The audit record cannot be hashed.</translation>
    </message>
    <message>
        <source>The head of the audit chain %1 moved while it was locked.</source>
        <translation>The head of the audit chain %1 moved while it was locked.</translation>
    </message>
</context>
<context>
    <name>cs::AuthService</name>
    <message>
        <source>Enter your login.</source>
        <translation>Enter your login.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>This staff account is disabled. Ask an administrator.</source>
        <translation>This staff account is disabled. Ask an administrator.</translation>
    </message>
    <message>
        <source>This staff account is locked. Ask an administrator to unlock it.</source>
        <translation>This staff account is locked. Ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>The password is wrong.</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>The login or the password is wrong.</translation>
    </message>
    <message numerus="yes">
        <source>The password is wrong. After %n wrong password(s) this staff account is now locked.</source>
        <translation>
            <numerusform>The password is wrong. After %n wrong password this staff account is now locked.</numerusform>
            <numerusform>The password is wrong. After %n wrong passwords this staff account is now locked.</numerusform>
        </translation>
    </message>
    <message>
        <source>This role may not sign on.</source>
        <translation>This role may not sign on.</translation>
    </message>
</context>
<context>
    <name>cs::CardKeys</name>
    <message>
        <source>This terminal does not hold the card key of this database. An administrator installs the database&apos;s card key on this terminal.</source>
        <translation>This terminal does not hold the card key of this database. An administrator installs the database&apos;s card key on this terminal.</translation>
    </message>
    <message>
        <source>The card key of this terminal is not the one this database was set up with. An administrator installs the database&apos;s card key on this terminal.</source>
        <translation>The card key of this terminal is not the one this database was set up with. An administrator installs the database&apos;s card key on this terminal.</translation>
    </message>
    <message>
        <source>The key file %1 cannot be used: %2</source>
        <translation>The key file %1 cannot be used: %2</translation>
    </message>
    <message>
        <source>it is not a key file</source>
        <translation>it is not a key file</translation>
    </message>
</context>
<context>
    <name>cs::Cards</name>
    <message>
        <source>Debit card</source>
        <translation>Debit card</translation>
    </message>
    <message>
        <source>Quasi-credit card</source>
        <translation>Quasi-credit card</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>Credit card</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>Not activated</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Reported lost (oral)</source>
        <translation>Reported lost (oral)</translation>
    </message>
    <message>
        <source>Reported lost (written)</source>
        <translation>Reported lost (written)</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Frozen</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>This card is %1 and accepts no further change.</source>
        <translation>This card is %1 and accepts no further change.</translation>
    </message>
    <message>
        <source>The card is reported lost; this is not possible until the report is lifted or the card is replaced.</source>
        <translation>The card is reported lost; this is not possible until the report is lifted or the card is replaced.</translation>
    </message>
    <message>
        <source>This is not possible while the card is %1.</source>
        <translation>This is not possible while the card is %1.</translation>
    </message>
    <message>
        <source>Only a card not yet activated can be activated.</source>
        <translation>Only a card not yet activated can be activated.</translation>
    </message>
    <message>
        <source>The customer sets a PIN before the card is activated.</source>
        <translation>The customer sets a PIN before the card is activated.</translation>
    </message>
    <message>
        <source>The card is already reported lost.</source>
        <translation>The card is already reported lost.</translation>
    </message>
    <message>
        <source>A written loss report is in force.</source>
        <translation>A written loss report is in force.</translation>
    </message>
    <message>
        <source>A written loss report cannot be lifted; the card is replaced or cancelled.</source>
        <translation>A written loss report cannot be lifted; the card is replaced or cancelled.</translation>
    </message>
    <message>
        <source>The card is not reported lost.</source>
        <translation>The card is not reported lost.</translation>
    </message>
    <message>
        <source>A card reported lost in writing can be replaced from %1 on.</source>
        <translation>A card reported lost in writing can be replaced from %1 on.</translation>
    </message>
    <message>
        <source>This card already has a PIN; change or reset it instead.</source>
        <translation>This card already has a PIN; change or reset it instead.</translation>
    </message>
    <message>
        <source>This card has no PIN yet.</source>
        <translation>This card has no PIN yet.</translation>
    </message>
    <message>
        <source>A PIN has exactly 6 digits.</source>
        <translation>A PIN has exactly 6 digits.</translation>
    </message>
    <message>
        <source>The two PIN entries differ; enter the PIN again.</source>
        <translation>The two PIN entries differ; enter the PIN again.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess (repeated or consecutive digits); choose another.</source>
        <translation>This PIN is too easy to guess (repeated or consecutive digits); choose another.</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>SMS code</translation>
    </message>
    <message>
        <source>OTP token</source>
        <translation>OTP token</translation>
    </message>
    <message>
        <source>OTP token (trial)</source>
        <translation>OTP token (trial)</translation>
    </message>
    <message>
        <source>USB key</source>
        <translation>USB key</translation>
    </message>
    <message>
        <source>The daily online payment limit must be above zero.</source>
        <translation>The daily online payment limit must be above zero.</translation>
    </message>
    <message>
        <source>With %1 the daily online payment limit is at most ¥%2.</source>
        <translation>With %1 the daily online payment limit is at most ¥%2.</translation>
    </message>
    <message>
        <source>The daily online payment limit cannot exceed the card&apos;s available credit.</source>
        <translation>The daily online payment limit cannot exceed the card&apos;s available credit.</translation>
    </message>
    <message>
        <source>Online payment is not enabled for this card.</source>
        <translation>Online payment is not enabled for this card.</translation>
    </message>
    <message>
        <source>This payment would pass the card&apos;s daily online payment limit.</source>
        <translation>This payment would pass the card&apos;s daily online payment limit.</translation>
    </message>
    <message>
        <source>This payment is above the card&apos;s available credit.</source>
        <translation>This payment is above the card&apos;s available credit.</translation>
    </message>
    <message>
        <source>The stored card number cannot be read with this terminal&apos;s card key.</source>
        <translation>The stored card number cannot be read with this terminal&apos;s card key.</translation>
    </message>
    <message>
        <source>A card master key has exactly 32 bytes.</source>
        <translation>A card master key has exactly 32 bytes.</translation>
    </message>
    <message>
        <source>The card keys could not be derived.</source>
        <translation>The card keys could not be derived.</translation>
    </message>
    <message>
        <source>No random card key could be made.</source>
        <translation>No random card key could be made.</translation>
    </message>
    <message>
        <source>The card number could not be encrypted.</source>
        <translation>The card number could not be encrypted.</translation>
    </message>
    <message>
        <source>There is no card %1.</source>
        <translation>There is no card %1.</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>Give the reason.</translation>
    </message>
    <message>
        <source>BIN %1 with %2 digits cannot form card numbers; an administrator corrects the card settings.</source>
        <translation>BIN %1 with %2 digits cannot form card numbers; an administrator corrects the card settings.</translation>
    </message>
    <message>
        <source>Account %1 is not an open Class I or II personal demand account: a card is issued on the customer&apos;s own settlement account.</source>
        <translation>Account %1 is not an open Class I or II personal demand account: a card is issued on the customer&apos;s own settlement account.</translation>
    </message>
    <message>
        <source>A debit card has no overdraft or credit limit.</source>
        <translation>A debit card has no overdraft or credit limit.</translation>
    </message>
    <message>
        <source>The limit is an amount in yuan, zero or more.</source>
        <translation>The limit is an amount in yuan, zero or more.</translation>
    </message>
    <message>
        <source>Only a credit card has statement and due days.</source>
        <translation>Only a credit card has statement and due days.</translation>
    </message>
    <message>
        <source>Statement and due days are days 1 to 28 of the month.</source>
        <translation>Statement and due days are days 1 to 28 of the month.</translation>
    </message>
    <message>
        <source>%1 is not a card product: debit, quasi or credit.</source>
        <translation>%1 is not a card product: debit, quasi or credit.</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>There is no account %1.</translation>
    </message>
    <message>
        <source>A card is issued only to a customer of 18 or older (full civil capacity).</source>
        <translation>A card is issued only to a customer of 18 or older (full civil capacity).</translation>
    </message>
    <message>
        <source>The customer&apos;s ID is not verified or has expired: check a valid ID first.</source>
        <translation>The customer&apos;s ID is not verified or has expired: check a valid ID first.</translation>
    </message>
    <message>
        <source>The ID presented is not the account holder&apos;s: a card is issued only on the customer&apos;s own ID.</source>
        <translation>The ID presented is not the account holder&apos;s: a card is issued only on the customer&apos;s own ID.</translation>
    </message>
    <message>
        <source>Card issuance fee, %1</source>
        <translation>Card issuance fee, %1</translation>
    </message>
    <message>
        <source>The issuance voucher is reprinted only before the card is activated.</source>
        <translation>The issuance voucher is reprinted only before the card is activated.</translation>
    </message>
    <message numerus="yes">
        <source>The PIN is wrong; %n more try(ies) today.</source>
        <translation>
            <numerusform>The PIN is wrong; %n more try today.</numerusform>
            <numerusform>The PIN is wrong; %n more tries today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After %n wrong PIN(s) today the PIN is locked until the next business day.</source>
        <translation>
            <numerusform>After %n wrong PIN today the PIN is locked until the next business day.</numerusform>
            <numerusform>After %n wrong PINs today the PIN is locked until the next business day.</numerusform>
        </translation>
    </message>
    <message>
        <source>A card number has 13 to 19 digits.</source>
        <translation>A card number has 13 to 19 digits.</translation>
    </message>
    <message>
        <source>No card of this bank has this number.</source>
        <translation>No card of this bank has this number.</translation>
    </message>
    <message>
        <source>The card account %1 stands at %2: it is settled to zero before the card is cancelled.</source>
        <translation>The card account %1 stands at %2: it is settled to zero before the card is cancelled.</translation>
    </message>
    <message>
        <source>The card account %1 is frozen.</source>
        <translation>The card account %1 is frozen.</translation>
    </message>
    <message>
        <source>The daily online payment limit is an amount in yuan.</source>
        <translation>The daily online payment limit is an amount in yuan.</translation>
    </message>
    <message>
        <source>The amount is a positive amount in yuan.</source>
        <translation>The amount is a positive amount in yuan.</translation>
    </message>
    <message>
        <source>Another terminal changed card %1 at the same time; try again.</source>
        <translation>Another terminal changed card %1 at the same time; try again.</translation>
    </message>
</context>
<context>
    <name>cs::CashBoxService</name>
    <message>
        <source>Your cash box is not open: open it before handling cash.</source>
        <translation>Your cash box is not open: open it before handling cash.</translation>
    </message>
    <message>
        <source>The amount must be an amount in CNY greater than zero.</source>
        <translation>The amount must be an amount in CNY greater than zero.</translation>
    </message>
    <message>
        <source>Moving cash needs a request id of 1 to 58 characters.</source>
        <translation>Moving cash needs a request id of 1 to 58 characters.</translation>
    </message>
    <message>
        <source>The vault holds %1, less than %2.</source>
        <translation>The vault holds %1, less than %2.</translation>
    </message>
    <message>
        <source>Your cash box holds %1, less than %2.</source>
        <translation>Your cash box holds %1, less than %2.</translation>
    </message>
    <message>
        <source>Your cash box is already open (since %1).</source>
        <translation>Your cash box is already open (since %1).</translation>
    </message>
    <message>
        <source>The counted cash must be an amount in CNY, zero or more.</source>
        <translation>The counted cash must be an amount in CNY, zero or more.</translation>
    </message>
    <message>
        <source>Cash has moved in this box since it was counted: count it again.</source>
        <translation>Cash has moved in this box since it was counted: count it again.</translation>
    </message>
</context>
<context>
    <name>cs::CashService</name>
    <message>
        <source>There is no account %1.</source>
        <translation>There is no account %1.</translation>
    </message>
    <message>
        <source>A cash transaction needs a request id of 1 to 64 characters.</source>
        <translation>A cash transaction needs a request id of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>The amount must be greater than zero.</translation>
    </message>
    <message>
        <source>Large-value cash: give the reference of the ID copy.</source>
        <translation>Large-value cash: give the reference of the ID copy.</translation>
    </message>
    <message>
        <source>Large-value cash: give the source of the funds.</source>
        <translation>Large-value cash: give the source of the funds.</translation>
    </message>
    <message>
        <source>Large-value cash: give the purpose of the withdrawal.</source>
        <translation>Large-value cash: give the purpose of the withdrawal.</translation>
    </message>
    <message>
        <source>Give the agent&apos;s ID number with the agent&apos;s name.</source>
        <translation>Give the agent&apos;s ID number with the agent&apos;s name.</translation>
    </message>
    <message>
        <source>Give the agent&apos;s name with the agent&apos;s ID number.</source>
        <translation>Give the agent&apos;s name with the agent&apos;s ID number.</translation>
    </message>
    <message>
        <source>Account %1 is an internal account of the branch.</source>
        <translation>Account %1 is an internal account of the branch.</translation>
    </message>
    <message>
        <source>There is no cash transaction %1.</source>
        <translation>There is no cash transaction %1.</translation>
    </message>
    <message>
        <source>Your cash box is not open today: open it before handling cash.</source>
        <translation>Your cash box is not open today: open it before handling cash.</translation>
    </message>
    <message>
        <source>Cash withdrawal waiting for approval %1</source>
        <translation>Cash withdrawal waiting for approval %1</translation>
    </message>
    <message>
        <source>Remote fee</source>
        <translation>Remote fee</translation>
    </message>
</context>
<context>
    <name>cs::ClassLimits</name>
    <message>
        <source>Class II account %1 may take in %2 a day; %3 is left today.</source>
        <translation>Class II account %1 may take in %2 a day; %3 is left today.</translation>
    </message>
    <message>
        <source>Class II account %1 may take in %2 a year; %3 is left this year.</source>
        <translation>Class II account %1 may take in %2 a year; %3 is left this year.</translation>
    </message>
    <message>
        <source>Class II account %1 may pay out %2 a day; %3 is left today.</source>
        <translation>Class II account %1 may pay out %2 a day; %3 is left today.</translation>
    </message>
    <message>
        <source>Class II account %1 may pay out %2 a year; %3 is left this year.</source>
        <translation>Class II account %1 may pay out %2 a year; %3 is left this year.</translation>
    </message>
    <message>
        <source>Account %1 is a Class III account: it takes and pays no cash.</source>
        <translation>Account %1 is a Class III account: it takes and pays no cash.</translation>
    </message>
    <message>
        <source>Class III account %1 may hold at most %2; it can take %3 more.</source>
        <translation>Class III account %1 may hold at most %2; it can take %3 more.</translation>
    </message>
    <message>
        <source>Class III account %1 may pay out %2 a day; %3 is left today.</source>
        <translation>Class III account %1 may pay out %2 a day; %3 is left today.</translation>
    </message>
    <message>
        <source>Class III account %1 may pay out %2 a year; %3 is left this year.</source>
        <translation>Class III account %1 may pay out %2 a year; %3 is left this year.</translation>
    </message>
</context>
<context>
    <name>cs::CustomerService</name>
    <message>
        <source>There is no such customer.</source>
        <translation>There is no such customer.</translation>
    </message>
    <message>
        <source>This ID document already belongs to customer %1.</source>
        <translation>This ID document already belongs to customer %1.</translation>
    </message>
    <message>
        <source>Enter the birth date shown in the passport.</source>
        <translation>Enter the birth date shown in the passport.</translation>
    </message>
    <message>
        <source>A birth date before 1900-01-01 is not possible.</source>
        <translation>A birth date before 1900-01-01 is not possible.</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>The birth date is in the future.</translation>
    </message>
    <message>
        <source>A passport number has 5 to 20 characters; this one has %1.</source>
        <translation>A passport number has 5 to 20 characters; this one has %1.</translation>
    </message>
    <message>
        <source>A passport number has only letters A-Z and digits.</source>
        <translation>A passport number has only letters A-Z and digits.</translation>
    </message>
    <message>
        <source>The ID type must be resident, uscc or passport.</source>
        <translation>The ID type must be resident, uscc or passport.</translation>
    </message>
    <message>
        <source>A company is identified by its unified social credit code, a person by a resident ID or a passport.</source>
        <translation>A company is identified by its unified social credit code, a person by a resident ID or a passport.</translation>
    </message>
    <message>
        <source>The birth date differs from the one in the resident ID number (%1).</source>
        <translation>The birth date differs from the one in the resident ID number (%1).</translation>
    </message>
    <message>
        <source>A company has no birth date.</source>
        <translation>A company has no birth date.</translation>
    </message>
    <message>
        <source>The ID document expired on %1; ask for a valid one.</source>
        <translation>The ID document expired on %1; ask for a valid one.</translation>
    </message>
    <message>
        <source>The check character of this unified social credit code does not match. Check the code; if it is right as printed, a supervisor must confirm it.</source>
        <translation>The check character of this unified social credit code does not match. Check the code; if it is right as printed, a supervisor must confirm it.</translation>
    </message>
    <message>
        <source>The code must be confirmed by a supervisor other than the one entering the customer.</source>
        <translation>The code must be confirmed by a supervisor other than the one entering the customer.</translation>
    </message>
    <message>
        <source>Only an active supervisor can confirm a unified social credit code that fails its check.</source>
        <translation>Only an active supervisor can confirm a unified social credit code that fails its check.</translation>
    </message>
    <message>
        <source>A phone number has 7 to 15 digits, optionally after a leading +.</source>
        <translation>A phone number has 7 to 15 digits, optionally after a leading +.</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s full name.</source>
        <translation>Enter the customer&apos;s full name.</translation>
    </message>
    <message>
        <source>A name has at most %1 characters.</source>
        <translation>A name has at most %1 characters.</translation>
    </message>
    <message>
        <source>An address has at most %1 characters.</source>
        <translation>An address has at most %1 characters.</translation>
    </message>
    <message>
        <source>Nothing to change: the values are the same as before.</source>
        <translation>Nothing to change: the values are the same as before.</translation>
    </message>
    <message>
        <source>Enter an ID number, account number, phone number or part of a name.</source>
        <translation>Enter an ID number, account number, phone number or part of a name.</translation>
    </message>
</context>
<context>
    <name>cs::Database</name>
    <message>
        <source>The database stayed busy after %1 attempts; nothing was changed. Try again.</source>
        <translation>The database stayed busy after %1 attempts; nothing was changed. Try again.</translation>
    </message>
    <message>
        <source>The Qt SQL driver for %1 is not installed.</source>
        <translation>The Qt SQL driver for %1 is not installed.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Cannot open the database %1: %2</translation>
    </message>
</context>
<context>
    <name>cs::DatabaseUrl</name>
    <message>
        <source>The SQLite database needs a file path, as in sqlite:/path/to/file.db.</source>
        <translation>The SQLite database needs a file path, as in sqlite:/path/to/file.db.</translation>
    </message>
    <message>
        <source>The database address must start with sqlite: or postgresql://.</source>
        <translation>The database address must start with sqlite: or postgresql://.</translation>
    </message>
    <message>
        <source>The PostgreSQL address is not valid; expected postgresql://USER:PASSWORD@HOST:PORT/DBNAME.</source>
        <translation>The PostgreSQL address is not valid; expected postgresql://USER:PASSWORD@HOST:PORT/DBNAME.</translation>
    </message>
    <message>
        <source>The PostgreSQL port must be between 1 and 65535.</source>
        <translation>The PostgreSQL port must be between 1 and 65535.</translation>
    </message>
    <message>
        <source>The PostgreSQL address must name one database after the port.</source>
        <translation>The PostgreSQL address must name one database after the port.</translation>
    </message>
    <message>
        <source>Unknown option in the PostgreSQL address: %1.</source>
        <translation>Unknown option in the PostgreSQL address: %1.</translation>
    </message>
    <message>
        <source>Unknown sslmode: %1.</source>
        <translation>Unknown sslmode: %1.</translation>
    </message>
</context>
<context>
    <name>cs::DemoData</name>
    <message>
        <source>Unknown role in the demo data.</source>
        <translation>Unknown role in the demo data.</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>Cannot create the folder for %1.</translation>
    </message>
    <message>
        <source>The demo data is missing from this build.</source>
        <translation>The demo data is missing from this build.</translation>
    </message>
    <message>
        <source>The demo data is malformed: %1</source>
        <translation>The demo data is malformed: %1</translation>
    </message>
</context>
<context>
    <name>cs::DormancyService</name>
    <message>
        <source>The sweep date %1 is after the business date %2.</source>
        <translation>The sweep date %1 is after the business date %2.</translation>
    </message>
    <message>
        <source>Account %1 is not dormant.</source>
        <translation>Account %1 is not dormant.</translation>
    </message>
</context>
<context>
    <name>cs::EndOfDay</name>
    <message>
        <source>There is no such branch.</source>
        <translation>There is no such branch.</translation>
    </message>
    <message>
        <source>Another end of day is closing this business day; wait for it to finish.</source>
        <translation>Another end of day is closing this business day; wait for it to finish.</translation>
    </message>
    <message>
        <source>Check that nothing is open or pending</source>
        <translation>Check that nothing is open or pending</translation>
    </message>
    <message>
        <source>Expire lapsed card loss reports</source>
        <translation>Expire lapsed card loss reports</translation>
    </message>
    <message>
        <source>Accrue demand interest</source>
        <translation>Accrue demand interest</translation>
    </message>
    <message>
        <source>Mature time deposits</source>
        <translation>Mature time deposits</translation>
    </message>
    <message>
        <source>Settle merchants</source>
        <translation>Settle merchants</translation>
    </message>
    <message>
        <source>Large-value transfer reports</source>
        <translation>Large-value transfer reports</translation>
    </message>
    <message>
        <source>Queue customer notices</source>
        <translation>Queue customer notices</translation>
    </message>
    <message>
        <source>Verify the ledger</source>
        <translation>Verify the ledger</translation>
    </message>
    <message>
        <source>Close the business day</source>
        <translation>Close the business day</translation>
    </message>
    <message>
        <source>Settle demand interest</source>
        <translation>Settle demand interest</translation>
    </message>
    <message>
        <source>Cash box of %1 (%2) is open</source>
        <translation>Cash box of %1 (%2) is open</translation>
    </message>
    <message>
        <source>Approval %1: %2 by %3</source>
        <translation>Approval %1: %2 by %3</translation>
    </message>
    <message>
        <source>The business day cannot be closed while cash boxes are open or approvals are pending: %1.</source>
        <translation>The business day cannot be closed while cash boxes are open or approvals are pending: %1.</translation>
    </message>
    <message>
        <source>The journal of %1 does not balance in %2: debits and credits differ.</source>
        <translation>The journal of %1 does not balance in %2: debits and credits differ.</translation>
    </message>
    <message>
        <source>The branch&apos;s journal does not balance in %1: debits and credits differ.</source>
        <translation>The branch&apos;s journal does not balance in %1: debits and credits differ.</translation>
    </message>
    <message>
        <source>The balance of account %1 (%2) is not the sum of its journal lines (%3).</source>
        <translation>The balance of account %1 (%2) is not the sum of its journal lines (%3).</translation>
    </message>
    <message>
        <source>Demand interest to %1</source>
        <translation>Demand interest to %1</translation>
    </message>
</context>
<context>
    <name>cs::Interest</name>
    <message>
        <source>An interest rate is zero or more basis points.</source>
        <translation>An interest rate is zero or more basis points.</translation>
    </message>
</context>
<context>
    <name>cs::InternalAccounts</name>
    <message>
        <source>There is no such branch.</source>
        <translation>There is no such branch.</translation>
    </message>
</context>
<context>
    <name>cs::Merchants</name>
    <message>
        <source>Settlement of merchant %1</source>
        <translation>Settlement of merchant %1</translation>
    </message>
    <message>
        <source>Merchant fees</source>
        <translation>Merchant fees</translation>
    </message>
    <message>
        <source>The merchant&apos;s payments changed while they were being settled; try again.</source>
        <translation>The merchant&apos;s payments changed while they were being settled; try again.</translation>
    </message>
    <message>
        <source>The fee plan is b2b_percent, b2b_fixed or b2c.</source>
        <translation>The fee plan is b2b_percent, b2b_fixed or b2c.</translation>
    </message>
    <message>
        <source>A B2B percent fee is 1 to 100 basis points (0.01% to 1%), without a fixed fee.</source>
        <translation>A B2B percent fee is 1 to 100 basis points (0.01% to 1%), without a fixed fee.</translation>
    </message>
    <message>
        <source>A B2C fee is 20 to 30 basis points (0.2% to 0.3%), without a fixed fee.</source>
        <translation>A B2C fee is 20 to 30 basis points (0.2% to 0.3%), without a fixed fee.</translation>
    </message>
    <message>
        <source>A fixed fee plan has no rate.</source>
        <translation>A fixed fee plan has no rate.</translation>
    </message>
    <message>
        <source>A fixed fee plan needs a fee in CNY greater than zero.</source>
        <translation>A fixed fee plan needs a fee in CNY greater than zero.</translation>
    </message>
    <message>
        <source>The settlement cycle is t0_realtime, t0_eod or tn.</source>
        <translation>The settlement cycle is t0_realtime, t0_eod or tn.</translation>
    </message>
    <message>
        <source>T+N settlement needs N from 1 to 30 days.</source>
        <translation>T+N settlement needs N from 1 to 30 days.</translation>
    </message>
    <message>
        <source>Only a T+N cycle takes a number of days.</source>
        <translation>Only a T+N cycle takes a number of days.</translation>
    </message>
    <message>
        <source>A merchant transaction needs a request id of 1 to 64 characters.</source>
        <translation>A merchant transaction needs a request id of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>An order number is 1 to 32 letters, digits, hyphens or underscores.</source>
        <translation>An order number is 1 to 32 letters, digits, hyphens or underscores.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>The amount must be greater than zero.</translation>
    </message>
    <message>
        <source>Merchant payments are made in CNY.</source>
        <translation>Merchant payments are made in CNY.</translation>
    </message>
    <message>
        <source>There is no merchant %1.</source>
        <translation>There is no merchant %1.</translation>
    </message>
    <message>
        <source>The merchant has no order %1.</source>
        <translation>The merchant has no order %1.</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>There is no account %1.</translation>
    </message>
    <message>
        <source>Account %1 is an internal account of the branch.</source>
        <translation>Account %1 is an internal account of the branch.</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2: merchant payments are made in CNY.</source>
        <translation>Account %1 is kept in %2: merchant payments are made in CNY.</translation>
    </message>
    <message>
        <source>A merchant&apos;s name is 1 to 60 characters.</source>
        <translation>A merchant&apos;s name is 1 to 60 characters.</translation>
    </message>
    <message>
        <source>There is no customer %1.</source>
        <translation>There is no customer %1.</translation>
    </message>
    <message>
        <source>%1 is a person: a merchant is a company.</source>
        <translation>%1 is a person: a merchant is a company.</translation>
    </message>
    <message>
        <source>Account %1 is not an account of %2.</source>
        <translation>Account %1 is not an account of %2.</translation>
    </message>
    <message>
        <source>Account %1 is closed.</source>
        <translation>Account %1 is closed.</translation>
    </message>
    <message>
        <source>The payment mode is immediate, delayed or authorised.</source>
        <translation>The payment mode is immediate, delayed or authorised.</translation>
    </message>
    <message>
        <source>The channel is counter, online or pos.</source>
        <translation>The channel is counter, online or pos.</translation>
    </message>
    <message>
        <source>Give the payer&apos;s account or card, one of them.</source>
        <translation>Give the payer&apos;s account or card, one of them.</translation>
    </message>
    <message>
        <source>Merchant %1 is %2 and takes no payments.</source>
        <translation>Merchant %1 is %2 and takes no payments.</translation>
    </message>
    <message>
        <source>Merchant %1 already has an order %2.</source>
        <translation>Merchant %1 already has an order %2.</translation>
    </message>
    <message>
        <source>The payer&apos;s account is the merchant&apos;s own settlement account.</source>
        <translation>The payer&apos;s account is the merchant&apos;s own settlement account.</translation>
    </message>
    <message>
        <source>Authorised for merchant %1, order %2</source>
        <translation>Authorised for merchant %1, order %2</translation>
    </message>
    <message>
        <source>Order %1 is %2: only an authorised payment is captured.</source>
        <translation>Order %1 is %2: only an authorised payment is captured.</translation>
    </message>
    <message>
        <source>Order %1 was authorised for %2: %3 cannot be captured.</source>
        <translation>Order %1 was authorised for %2: %3 cannot be captured.</translation>
    </message>
    <message>
        <source>Order %1 is %2: nothing was paid that could be refunded.</source>
        <translation>Order %1 is %2: nothing was paid that could be refunded.</translation>
    </message>
    <message>
        <source>Only %1 of order %2 is left to refund, less than %3.</source>
        <translation>Only %1 of order %2 is left to refund, less than %3.</translation>
    </message>
    <message>
        <source>Give a period whose start is not after its end.</source>
        <translation>Give a period whose start is not after its end.</translation>
    </message>
</context>
<context>
    <name>cs::Migrator</name>
    <message>
        <source>Unexpected migration file name: %1</source>
        <translation>Unexpected migration file name: %1</translation>
    </message>
    <message>
        <source>Two migrations have the number %1.</source>
        <translation>Two migrations have the number %1.</translation>
    </message>
    <message>
        <source>Cannot read migration %1.</source>
        <translation>Cannot read migration %1.</translation>
    </message>
    <message>
        <source>Migration %1 is missing.</source>
        <translation>Migration %1 is missing.</translation>
    </message>
    <message>
        <source>The database has schema version %1 but this program knows only up to %2. Install a newer Countersign.</source>
        <translation>The database has schema version %1 but this program knows only up to %2. Install a newer Countersign.</translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed: %3</source>
        <translation>Migration %1 (%2) failed: %3</translation>
    </message>
</context>
<context>
    <name>cs::Money</name>
    <message>
        <source>The amount is too large to be represented.</source>
        <translation>The amount is too large to be represented.</translation>
    </message>
    <message>
        <source>Amounts in %1 and %2 cannot be combined.</source>
        <translation>Amounts in %1 and %2 cannot be combined.</translation>
    </message>
    <message>
        <source>An amount cannot be divided by zero.</source>
        <translation>An amount cannot be divided by zero.</translation>
    </message>
</context>
<context>
    <name>cs::Notices</name>
    <message>
        <source>The phone must be a mainland mobile number of 11 digits starting with 13 to 19, e.g. 13812345678.</source>
        <translation>The phone must be a mainland mobile number of 11 digits starting with 13 to 19, e.g. 13812345678.</translation>
    </message>
    <message>
        <source>SMS notice package, %1</source>
        <translation>SMS notice package, %1</translation>
    </message>
    <message>
        <source>The gateway did not answer in time.</source>
        <translation>The gateway did not answer in time.</translation>
    </message>
    <message>
        <source>No SMS gateway is set up: an administrator enters it under Administration, Notices.</source>
        <translation>No SMS gateway is set up: an administrator enters it under Administration, Notices.</translation>
    </message>
    <message>
        <source>The SMS gateway must be reached over https (plain http only on this machine).</source>
        <translation>The SMS gateway must be reached over https (plain http only on this machine).</translation>
    </message>
    <message>
        <source>This terminal does not hold the SMS gateway&apos;s password: an administrator enters it under Administration, Notices (the batch reads COUNTERSIGN_SMS_GATEWAY_PASSWORD).</source>
        <translation>This terminal does not hold the SMS gateway&apos;s password: an administrator enters it under Administration, Notices (the batch reads COUNTERSIGN_SMS_GATEWAY_PASSWORD).</translation>
    </message>
    <message>
        <source>The SMS gateway refused this terminal&apos;s account or password.</source>
        <translation>The SMS gateway refused this terminal&apos;s account or password.</translation>
    </message>
    <message>
        <source>A subscription change needs a request id of 1 to 64 characters.</source>
        <translation>A subscription change needs a request id of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>Account %1 has no active notice subscription.</source>
        <translation>Account %1 has no active notice subscription.</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>There is no account %1.</translation>
    </message>
    <message>
        <source>Account %1 is closed or not a customer&apos;s account: it takes no notices.</source>
        <translation>Account %1 is closed or not a customer&apos;s account: it takes no notices.</translation>
    </message>
    <message>
        <source>Notices are sent in Chinese (zh_CN) or English (en).</source>
        <translation>Notices are sent in Chinese (zh_CN) or English (en).</translation>
    </message>
    <message>
        <source>Choose at least one kind of notice: account movements or time deposit maturities.</source>
        <translation>Choose at least one kind of notice: account movements or time deposit maturities.</translation>
    </message>
    <message>
        <source>The balance is sent with movement notices: choose movements to include it.</source>
        <translation>The balance is sent with movement notices: choose movements to include it.</translation>
    </message>
    <message>
        <source>The fee plan is free or package.</source>
        <translation>The fee plan is free or package.</translation>
    </message>
    <message>
        <source>The subscription was changed at another terminal; try again.</source>
        <translation>The subscription was changed at another terminal; try again.</translation>
    </message>
    <message>
        <source>The notice package has no fee set (notice.package_monthly_fee): choose the free plan.</source>
        <translation>The notice package has no fee set (notice.package_monthly_fee): choose the free plan.</translation>
    </message>
    <message>
        <source>Account %1&apos;s notices are free: there is no package to confirm.</source>
        <translation>Account %1&apos;s notices are free: there is no package to confirm.</translation>
    </message>
    <message>
        <source>The customer confirmed this package on %1.</source>
        <translation>The customer confirmed this package on %1.</translation>
    </message>
    <message>
        <source>There is no notice %1.</source>
        <translation>There is no notice %1.</translation>
    </message>
    <message>
        <source>Notice %1 is %2: only a dead notice is retried.</source>
        <translation>Notice %1 is %2: only a dead notice is retried.</translation>
    </message>
    <message>
        <source>The notice changed at another terminal; try again.</source>
        <translation>The notice changed at another terminal; try again.</translation>
    </message>
    <message>
        <source>The gateway URL must start with https:// (plain http:// only for 127.0.0.1 or localhost) and hold no user name or password.</source>
        <translation>The gateway URL must start with https:// (plain http:// only for 127.0.0.1 or localhost) and hold no user name or password.</translation>
    </message>
    <message>
        <source>The gateway account is 1 to 64 characters.</source>
        <translation>The gateway account is 1 to 64 characters.</translation>
    </message>
    <message>
        <source>The signature (the bank&apos;s name in every message) is 1 to 20 characters.</source>
        <translation>The signature (the bank&apos;s name in every message) is 1 to 20 characters.</translation>
    </message>
</context>
<context>
    <name>cs::NotificationListener</name>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Cannot open the database %1: %2</translation>
    </message>
    <message>
        <source>This database does not notify other terminals.</source>
        <translation>This database does not notify other terminals.</translation>
    </message>
    <message>
        <source>Cannot listen for changes on %1: %2</source>
        <translation>Cannot listen for changes on %1: %2</translation>
    </message>
</context>
<context>
    <name>cs::PasswordHasher</name>
    <message>
        <source>The system random generator failed.</source>
        <translation>The system random generator failed.</translation>
    </message>
    <message>
        <source>scrypt is not available in this OpenSSL.</source>
        <translation>scrypt is not available in this OpenSSL.</translation>
    </message>
</context>
<context>
    <name>cs::Permissions</name>
    <message>
        <source>A %1 may not %2.</source>
        <translation>A %1 may not %2.</translation>
    </message>
    <message>
        <source>sign on</source>
        <translation>sign on</translation>
    </message>
    <message>
        <source>change their password</source>
        <translation>change their password</translation>
    </message>
    <message>
        <source>see the staff list</source>
        <translation>see the staff list</translation>
    </message>
    <message>
        <source>add staff</source>
        <translation>add staff</translation>
    </message>
    <message>
        <source>disable staff</source>
        <translation>disable staff</translation>
    </message>
    <message>
        <source>enable staff</source>
        <translation>enable staff</translation>
    </message>
    <message>
        <source>unlock staff</source>
        <translation>unlock staff</translation>
    </message>
    <message>
        <source>reset a staff password</source>
        <translation>reset a staff password</translation>
    </message>
    <message>
        <source>change a staff role</source>
        <translation>change a staff role</translation>
    </message>
    <message>
        <source>read the settings</source>
        <translation>read the settings</translation>
    </message>
    <message>
        <source>change a setting</source>
        <translation>change a setting</translation>
    </message>
    <message>
        <source>manage products</source>
        <translation>manage products</translation>
    </message>
    <message>
        <source>manage merchants</source>
        <translation>manage merchants</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>read the audit trail</translation>
    </message>
    <message>
        <source>verify the audit trail</source>
        <translation>verify the audit trail</translation>
    </message>
    <message>
        <source>read reports</source>
        <translation>read reports</translation>
    </message>
    <message>
        <source>look up customers</source>
        <translation>look up customers</translation>
    </message>
    <message>
        <source>add a customer</source>
        <translation>add a customer</translation>
    </message>
    <message>
        <source>edit a customer</source>
        <translation>edit a customer</translation>
    </message>
    <message>
        <source>look up accounts</source>
        <translation>look up accounts</translation>
    </message>
    <message>
        <source>open an account</source>
        <translation>open an account</translation>
    </message>
    <message>
        <source>freeze an account</source>
        <translation>freeze an account</translation>
    </message>
    <message>
        <source>unfreeze an account</source>
        <translation>unfreeze an account</translation>
    </message>
    <message>
        <source>close an account</source>
        <translation>close an account</translation>
    </message>
    <message>
        <source>take a cash deposit</source>
        <translation>take a cash deposit</translation>
    </message>
    <message>
        <source>pay out a cash withdrawal</source>
        <translation>pay out a cash withdrawal</translation>
    </message>
    <message>
        <source>open a cash box</source>
        <translation>open a cash box</translation>
    </message>
    <message>
        <source>count a cash box</source>
        <translation>count a cash box</translation>
    </message>
    <message>
        <source>close a cash box</source>
        <translation>close a cash box</translation>
    </message>
    <message>
        <source>enter a transfer</source>
        <translation>enter a transfer</translation>
    </message>
    <message>
        <source>request a reversal</source>
        <translation>request a reversal</translation>
    </message>
    <message>
        <source>issue a card</source>
        <translation>issue a card</translation>
    </message>
    <message>
        <source>service a card</source>
        <translation>service a card</translation>
    </message>
    <message>
        <source>see approvals</source>
        <translation>see approvals</translation>
    </message>
    <message>
        <source>cancel an approval</source>
        <translation>cancel an approval</translation>
    </message>
    <message>
        <source>approve or reject</source>
        <translation>approve or reject</translation>
    </message>
    <message>
        <source>close the business day</source>
        <translation>close the business day</translation>
    </message>
    <message>
        <source>reactivate a dormant account</source>
        <translation>reactivate a dormant account</translation>
    </message>
    <message>
        <source>mark dormant accounts</source>
        <translation>mark dormant accounts</translation>
    </message>
    <message>
        <source>move cash between a cash box and the vault</source>
        <translation>move cash between a cash box and the vault</translation>
    </message>
    <message>
        <source>see transfers</source>
        <translation>see transfers</translation>
    </message>
    <message>
        <source>record the clearing network&apos;s answer</source>
        <translation>record the clearing network&apos;s answer</translation>
    </message>
    <message>
        <source>send queued clearing items</source>
        <translation>send queued clearing items</translation>
    </message>
    <message>
        <source>expire pending approvals</source>
        <translation>expire pending approvals</translation>
    </message>
    <message>
        <source>take merchant payments, captures and refunds</source>
        <translation>take merchant payments, captures and refunds</translation>
    </message>
    <message>
        <source>see merchants and their settlements</source>
        <translation>see merchants and their settlements</translation>
    </message>
    <message>
        <source>read their own teller journal and cash box balancing</source>
        <translation>read their own teller journal and cash box balancing</translation>
    </message>
    <message>
        <source>place a time deposit</source>
        <translation>place a time deposit</translation>
    </message>
    <message>
        <source>withdraw a time deposit early</source>
        <translation>withdraw a time deposit early</translation>
    </message>
    <message>
        <source>set up the SMS gateway and retry dead notices</source>
        <translation>set up the SMS gateway and retry dead notices</translation>
    </message>
    <message>
        <source>see notice subscriptions and the notice outbox</source>
        <translation>see notice subscriptions and the notice outbox</translation>
    </message>
    <message>
        <source>send the notice outbox to the SMS gateway</source>
        <translation>send the notice outbox to the SMS gateway</translation>
    </message>
    <message>
        <source>subscribe customers to SMS notices</source>
        <translation>subscribe customers to SMS notices</translation>
    </message>
</context>
<context>
    <name>cs::PostingEngine</name>
    <message>
        <source>A posting needs a request id of 1 to 64 characters.</source>
        <translation>A posting needs a request id of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>The kind of this posting is missing or malformed.</source>
        <translation>The kind of this posting is missing or malformed.</translation>
    </message>
    <message>
        <source>A posting needs at least two lines.</source>
        <translation>A posting needs at least two lines.</translation>
    </message>
    <message>
        <source>Each posting line is a debit (D) or a credit (C).</source>
        <translation>Each posting line is a debit (D) or a credit (C).</translation>
    </message>
    <message>
        <source>Every amount of a posting must be greater than zero.</source>
        <translation>Every amount of a posting must be greater than zero.</translation>
    </message>
    <message>
        <source>Debits and credits in %1 differ by %2: the posting does not balance.</source>
        <translation>Debits and credits in %1 differ by %2: the posting does not balance.</translation>
    </message>
    <message>
        <source>There is no account with the id %1.</source>
        <translation>There is no account with the id %1.</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2, not in %3.</source>
        <translation>Account %1 is kept in %2, not in %3.</translation>
    </message>
    <message>
        <source>Account %1 is closed.</source>
        <translation>Account %1 is closed.</translation>
    </message>
    <message>
        <source>Account %1 is dormant: reactivate it before posting to it.</source>
        <translation>Account %1 is dormant: reactivate it before posting to it.</translation>
    </message>
    <message>
        <source>Account %1 is frozen: nothing may be paid in or out.</source>
        <translation>Account %1 is frozen: nothing may be paid in or out.</translation>
    </message>
    <message>
        <source>Account %1 is frozen for debits: nothing may be paid out of it.</source>
        <translation>Account %1 is frozen for debits: nothing may be paid out of it.</translation>
    </message>
    <message>
        <source>Account %1 is frozen for credits: nothing may be paid into it.</source>
        <translation>Account %1 is frozen for credits: nothing may be paid into it.</translation>
    </message>
    <message>
        <source>Insufficient funds: account %1 has %2 available, less than %3.</source>
        <translation>Insufficient funds: account %1 has %2 available, less than %3.</translation>
    </message>
    <message>
        <source>The cash in %1 (%2) does not cover %3.</source>
        <translation>The cash in %1 (%2) does not cover %3.</translation>
    </message>
    <message>
        <source>This request id was already used for another posting.</source>
        <translation>This request id was already used for another posting.</translation>
    </message>
    <message>
        <source>There is no such branch.</source>
        <translation>There is no such branch.</translation>
    </message>
    <message>
        <source>The branch&apos;s business date is %1, not %2: sign on again.</source>
        <translation>The branch&apos;s business date is %1, not %2: sign on again.</translation>
    </message>
    <message>
        <source>The amounts are too large.</source>
        <translation>The amounts are too large.</translation>
    </message>
    <message>
        <source>There is no hold %1.</source>
        <translation>There is no hold %1.</translation>
    </message>
    <message>
        <source>Hold %1 is no longer active.</source>
        <translation>Hold %1 is no longer active.</translation>
    </message>
    <message>
        <source>Hold %1 is not on an account of this posting.</source>
        <translation>Hold %1 is not on an account of this posting.</translation>
    </message>
    <message>
        <source>Transaction %1 has already been reversed.</source>
        <translation>Transaction %1 has already been reversed.</translation>
    </message>
    <message>
        <source>Another terminal posted the same request at the same moment; try again.</source>
        <translation>Another terminal posted the same request at the same moment; try again.</translation>
    </message>
    <message>
        <source>There is no transaction %1.</source>
        <translation>There is no transaction %1.</translation>
    </message>
    <message>
        <source>Transaction %1 is itself a reversal and cannot be reversed.</source>
        <translation>Transaction %1 is itself a reversal and cannot be reversed.</translation>
    </message>
    <message>
        <source>A hold needs a request id of 1 to 64 characters.</source>
        <translation>A hold needs a request id of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>A hold must be greater than zero.</source>
        <translation>A hold must be greater than zero.</translation>
    </message>
    <message>
        <source>Give the reason for the hold.</source>
        <translation>Give the reason for the hold.</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>There is no such account.</translation>
    </message>
    <message>
        <source>This request id was already used for another hold.</source>
        <translation>This request id was already used for another hold.</translation>
    </message>
    <message>
        <source>Holds are placed on customer accounts only.</source>
        <translation>Holds are placed on customer accounts only.</translation>
    </message>
    <message>
        <source>Account %1 is closed or dormant: no hold can be placed on it.</source>
        <translation>Account %1 is closed or dormant: no hold can be placed on it.</translation>
    </message>
</context>
<context>
    <name>cs::Reports</name>
    <message>
        <source>Approval</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>Business date</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entity</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>Maker</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>Checker</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Approvals: %1 (%2).</source>
        <translation>Approvals: %1 (%2).</translation>
    </message>
    <message>
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>success</source>
        <translation>success</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>Records: %1, refused: %2.</source>
        <translation>Records: %1, refused: %2.</translation>
    </message>
    <message>
        <source>Search: %1.</source>
        <translation>Search: %1.</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Held by</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Cash at the end of the period</source>
        <translation>Cash at the end of the period</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Vault</translation>
    </message>
    <message>
        <source>Cash box of %1 (%2)</source>
        <translation>Cash box of %1 (%2)</translation>
    </message>
    <message>
        <source>Cash in the branch at the end of %1: %2.</source>
        <translation>Cash in the branch at the end of %1: %2.</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Transactions: %1, lines: %2.</source>
        <translation>Transactions: %1, lines: %2.</translation>
    </message>
    <message>
        <source>Debits equal credits: %1.</source>
        <translation>Debits equal credits: %1.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>Given back</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Net fee income</source>
        <translation>Net fee income</translation>
    </message>
    <message>
        <source>Net fee income: %1.</source>
        <translation>Net fee income: %1.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Postings</source>
        <translation>Postings</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Interest by product</source>
        <translation>Interest by product</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Interest paid: %1.</source>
        <translation>Interest paid: %1.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Person&apos;s transfer</source>
        <translation>Person&apos;s transfer</translation>
    </message>
    <message>
        <source>Company transfer</source>
        <translation>Company transfer</translation>
    </message>
    <message>
        <source>Cross-border transfer</source>
        <translation>Cross-border transfer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Day total</source>
        <translation>Day total</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>out</source>
        <translation>out</translation>
    </message>
    <message>
        <source>Entries: %1. Each is reported within 5 working days.</source>
        <translation>Entries: %1. Each is reported within 5 working days.</translation>
    </message>
    <message>
        <source>Entries in other currencies, not listed here: %1.</source>
        <translation>Entries in other currencies, not listed here: %1.</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>Settlements</source>
        <translation>Settlements</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Gross</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Net settled</source>
        <translation>Net settled</translation>
    </message>
    <message>
        <source>Gross %1 - fees %2 - refunds %3 = net %4.</source>
        <translation>Gross %1 - fees %2 - refunds %3 = net %4.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Cash deposit</source>
        <translation>Cash deposit</translation>
    </message>
    <message>
        <source>Cash withdrawal</source>
        <translation>Cash withdrawal</translation>
    </message>
    <message>
        <source>Cash from the vault</source>
        <translation>Cash from the vault</translation>
    </message>
    <message>
        <source>Cash to the vault</source>
        <translation>Cash to the vault</translation>
    </message>
    <message>
        <source>Cash delivery to the vault</source>
        <translation>Cash delivery to the vault</translation>
    </message>
    <message>
        <source>Cash over</source>
        <translation>Cash over</translation>
    </message>
    <message>
        <source>Cash short</source>
        <translation>Cash short</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Interbank transfer</source>
        <translation>Interbank transfer</translation>
    </message>
    <message>
        <source>Card fee</source>
        <translation>Card fee</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <source>Merchant payment</source>
        <translation>Merchant payment</translation>
    </message>
    <message>
        <source>Merchant refund</source>
        <translation>Merchant refund</translation>
    </message>
    <message>
        <source>Merchant settlement</source>
        <translation>Merchant settlement</translation>
    </message>
    <message>
        <source>Time deposit maturity</source>
        <translation>Time deposit maturity</translation>
    </message>
    <message>
        <source>Early withdrawal of a time deposit</source>
        <translation>Early withdrawal of a time deposit</translation>
    </message>
    <message>
        <source>Teller cash boxes</source>
        <translation>Teller cash boxes</translation>
    </message>
    <message>
        <source>Fee income</source>
        <translation>Fee income</translation>
    </message>
    <message>
        <source>Interest expense</source>
        <translation>Interest expense</translation>
    </message>
    <message>
        <source>Suspense payable (cash overs)</source>
        <translation>Suspense payable (cash overs)</translation>
    </message>
    <message>
        <source>Suspense receivable (cash shorts)</source>
        <translation>Suspense receivable (cash shorts)</translation>
    </message>
    <message>
        <source>Clearing</source>
        <translation>Clearing</translation>
    </message>
    <message>
        <source>Owed to merchants</source>
        <translation>Owed to merchants</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Teller journal</source>
        <translation>Teller journal</translation>
    </message>
    <message>
        <source>A teller&apos;s postings of the day, with the cash in and out of the box.</source>
        <translation>A teller&apos;s postings of the day, with the cash in and out of the box.</translation>
    </message>
    <message>
        <source>Cash box balancing</source>
        <translation>Cash box balancing</translation>
    </message>
    <message>
        <source>Opening + in - out = closing, against the count: overs and shorts per teller.</source>
        <translation>Opening + in - out = closing, against the count: overs and shorts per teller.</translation>
    </message>
    <message>
        <source>Branch cash position</source>
        <translation>Branch cash position</translation>
    </message>
    <message>
        <source>Cash in the vault and the teller cash boxes.</source>
        <translation>Cash in the vault and the teller cash boxes.</translation>
    </message>
    <message>
        <source>Daily journal</source>
        <translation>Daily journal</translation>
    </message>
    <message>
        <source>Every journal line of the period with its account, debit and credit.</source>
        <translation>Every journal line of the period with its account, debit and credit.</translation>
    </message>
    <message>
        <source>Trial balance</source>
        <translation>Trial balance</translation>
    </message>
    <message>
        <source>Opening balance, debits, credits and closing balance per ledger group.</source>
        <translation>Opening balance, debits, credits and closing balance per ledger group.</translation>
    </message>
    <message>
        <source>Gross, fees, refunds and net settled per merchant.</source>
        <translation>Gross, fees, refunds and net settled per merchant.</translation>
    </message>
    <message>
        <source>Fees taken and given back, by kind of transaction.</source>
        <translation>Fees taken and given back, by kind of transaction.</translation>
    </message>
    <message>
        <source>Interest paid</source>
        <translation>Interest paid</translation>
    </message>
    <message>
        <source>Interest credited to customers, per account and product.</source>
        <translation>Interest credited to customers, per account and product.</translation>
    </message>
    <message>
        <source>Large-value transactions</source>
        <translation>Large-value transactions</translation>
    </message>
    <message>
        <source>Transactions at or above the large-value thresholds, for the PBOC report.</source>
        <translation>Transactions at or above the large-value thresholds, for the PBOC report.</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Pending and decided approvals with maker, checker and times.</source>
        <translation>Pending and decided approvals with maker, checker and times.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Audit records of the period, found by entity, action or staff.</source>
        <translation>Audit records of the period, found by entity, action or staff.</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Merchant payments counted and summed by channel, payment mode or account type over days, months or years.</source>
        <translation>Merchant payments counted and summed by channel, payment mode or account type over days, months or years.</translation>
    </message>
    <message>
        <source>A teller may run the teller journal and cash box balancing for themselves only.</source>
        <translation>A teller may run the teller journal and cash box balancing for themselves only.</translation>
    </message>
    <message>
        <source>There is no staff member %1 at this branch.</source>
        <translation>There is no staff member %1 at this branch.</translation>
    </message>
    <message>
        <source>There is no report %1.</source>
        <translation>There is no report %1.</translation>
    </message>
    <message>
        <source>Choose the first day of the period.</source>
        <translation>Choose the first day of the period.</translation>
    </message>
    <message>
        <source>The period ends before it begins (%1 to %2).</source>
        <translation>The period ends before it begins (%1 to %2).</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>POS</source>
        <translation>POS</translation>
    </message>
    <message>
        <source>Immediate</source>
        <translation>Immediate</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Delayed</translation>
    </message>
    <message>
        <source>Authorised</source>
        <translation>Authorised</translation>
    </message>
    <message>
        <source>Debit card</source>
        <translation>Debit card</translation>
    </message>
    <message>
        <source>Quasi-credit card</source>
        <translation>Quasi-credit card</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>Credit card</translation>
    </message>
    <message>
        <source>Demand account</source>
        <translation>Demand account</translation>
    </message>
    <message>
        <source>Corporate account</source>
        <translation>Corporate account</translation>
    </message>
    <message>
        <source>Time deposit</source>
        <translation>Time deposit</translation>
    </message>
    <message>
        <source>The granularity is day, month or year.</source>
        <translation>The granularity is day, month or year.</translation>
    </message>
    <message>
        <source>The dimension is channel, mode or account_type.</source>
        <translation>The dimension is channel, mode or account_type.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Payment mode</source>
        <translation>Payment mode</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>Account type</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Merchant payments by %1 per %2, voided authorisations left out.</source>
        <translation>Merchant payments by %1 per %2, voided authorisations left out.</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>Teller</translation>
    </message>
    <message>
        <source>Closing (expected)</source>
        <translation>Closing (expected)</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Opening + in - out = closing: %1 + %2 - %3 = %4.</source>
        <translation>Opening + in - out = closing: %1 + %2 - %3 = %4.</translation>
    </message>
    <message>
        <source>Overs %1 to suspense payable, shorts %2 to suspense receivable, never netted.</source>
        <translation>Overs %1 to suspense payable, shorts %2 to suspense receivable, never netted.</translation>
    </message>
    <message>
        <source>Sessions: %1, not balanced: %2, still open: %3.</source>
        <translation>Sessions: %1, not balanced: %2, still open: %3.</translation>
    </message>
    <message>
        <source>reverses %1</source>
        <translation>reverses %1</translation>
    </message>
    <message>
        <source>reversed by %1</source>
        <translation>reversed by %1</translation>
    </message>
    <message>
        <source>Transactions: %1 (reversed later: %2).</source>
        <translation>Transactions: %1 (reversed later: %2).</translation>
    </message>
    <message>
        <source>Net cash into the box: %1.</source>
        <translation>Net cash into the box: %1.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Opening debit</source>
        <translation>Opening debit</translation>
    </message>
    <message>
        <source>Opening credit</source>
        <translation>Opening credit</translation>
    </message>
    <message>
        <source>Debits</source>
        <translation>Debits</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Credits</translation>
    </message>
    <message>
        <source>Closing debit</source>
        <translation>Closing debit</translation>
    </message>
    <message>
        <source>Closing credit</source>
        <translation>Closing credit</translation>
    </message>
    <message>
        <source>Balanced: %1.</source>
        <translation>Balanced: %1.</translation>
    </message>
    <message>
        <source>Debits %1, credits %2 in the period.</source>
        <translation>Debits %1, credits %2 in the period.</translation>
    </message>
    <message>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <source>month</source>
        <translation>month</translation>
    </message>
    <message>
        <source>year</source>
        <translation>year</translation>
    </message>
    <message>
        <source>SMS notice package fee</source>
        <translation>SMS notice package fee</translation>
    </message>
</context>
<context>
    <name>cs::ResidentId</name>
    <message>
        <source>A resident ID number has 18 characters; this one has %1.</source>
        <translation>A resident ID number has 18 characters; this one has %1.</translation>
    </message>
    <message>
        <source>A resident ID number has 17 digits followed by a digit or X.</source>
        <translation>A resident ID number has 17 digits followed by a digit or X.</translation>
    </message>
    <message>
        <source>The birth date in the resident ID number (%1) is not a possible date.</source>
        <translation>The birth date in the resident ID number (%1) is not a possible date.</translation>
    </message>
    <message>
        <source>The birth date in the resident ID number (%1) is in the future.</source>
        <translation>The birth date in the resident ID number (%1) is in the future.</translation>
    </message>
    <message>
        <source>The check character of the resident ID number does not match; check the number for a typing error.</source>
        <translation>The check character of the resident ID number does not match; check the number for a typing error.</translation>
    </message>
</context>
<context>
    <name>cs::ReversalService</name>
    <message>
        <source>Transaction %1 was posted by another branch: that branch reverses it.</source>
        <translation>Transaction %1 was posted by another branch: that branch reverses it.</translation>
    </message>
    <message>
        <source>Cash transaction %1 was posted on %2: cash is reversed only on its business day.</source>
        <translation>Cash transaction %1 was posted on %2: cash is reversed only on its business day.</translation>
    </message>
    <message>
        <source>The cash box of transaction %1 has been closed since: the cash can no longer be reversed.</source>
        <translation>The cash box of transaction %1 has been closed since: the cash can no longer be reversed.</translation>
    </message>
    <message>
        <source>Give the reason for the reversal.</source>
        <translation>Give the reason for the reversal.</translation>
    </message>
    <message>
        <source>A reversal needs a request id.</source>
        <translation>A reversal needs a request id.</translation>
    </message>
    <message>
        <source>Name the transaction to reverse by its number.</source>
        <translation>Name the transaction to reverse by its number.</translation>
    </message>
    <message>
        <source>There is no transaction %1.</source>
        <translation>There is no transaction %1.</translation>
    </message>
</context>
<context>
    <name>cs::Role</name>
    <message>
        <source>Teller</source>
        <translation>Teller</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>cs::SecretStore</name>
    <message>
        <source>A secret needs a non-empty name.</source>
        <translation>A secret needs a non-empty name.</translation>
    </message>
    <message>
        <source>No secret is stored under “%1”.</source>
        <translation>No secret is stored under “%1”.</translation>
    </message>
</context>
<context>
    <name>cs::ServiceCall</name>
    <message>
        <source>This request id was already used for another action.</source>
        <translation>This request id was already used for another action.</translation>
    </message>
</context>
<context>
    <name>cs::Settings</name>
    <message>
        <source>There is no setting %1.</source>
        <translation>There is no setting %1.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 must be between %2 and %3.</translation>
    </message>
    <message>
        <source>%1 must be a time of day as HH:MM, e.g. 17:15.</source>
        <translation>%1 must be a time of day as HH:MM, e.g. 17:15.</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 must be a whole number from %2 to %3.</translation>
    </message>
    <message>
        <source>Teller limit per transaction</source>
        <translation>Teller limit per transaction</translation>
    </message>
    <message>
        <source>A teller pays out or transfers up to this amount alone; above it a supervisor approves.</source>
        <translation>A teller pays out or transfers up to this amount alone; above it a supervisor approves.</translation>
    </message>
    <message>
        <source>Supervisor approval limit</source>
        <translation>Supervisor approval limit</translation>
    </message>
    <message>
        <source>The largest amount a supervisor may approve.</source>
        <translation>The largest amount a supervisor may approve.</translation>
    </message>
    <message>
        <source>Blind re-key from</source>
        <translation>Blind re-key from</translation>
    </message>
    <message>
        <source>From this amount the checker types the amount again without seeing it.</source>
        <translation>From this amount the checker types the amount again without seeing it.</translation>
    </message>
    <message>
        <source>Large-value cash threshold</source>
        <translation>Large-value cash threshold</translation>
    </message>
    <message>
        <source>Cash per customer per day at or above this is reported as large-value.</source>
        <translation>Cash per customer per day at or above this is reported as large-value.</translation>
    </message>
    <message>
        <source>BEPS credit limit</source>
        <translation>BEPS credit limit</translation>
    </message>
    <message>
        <source>Interbank credits above this go through HVPS.</source>
        <translation>Interbank credits above this go through HVPS.</translation>
    </message>
    <message>
        <source>HVPS cut-off</source>
        <translation>HVPS cut-off</translation>
    </message>
    <message>
        <source>After this time HVPS instructions wait for the next window.</source>
        <translation>After this time HVPS instructions wait for the next window.</translation>
    </message>
    <message>
        <source>Class II daily inflow</source>
        <translation>Class II daily inflow</translation>
    </message>
    <message>
        <source>Credits from non-bound accounts and cash deposits per day.</source>
        <translation>Credits from non-bound accounts and cash deposits per day.</translation>
    </message>
    <message>
        <source>Class II yearly inflow</source>
        <translation>Class II yearly inflow</translation>
    </message>
    <message>
        <source>Credits from non-bound accounts and cash deposits per year.</source>
        <translation>Credits from non-bound accounts and cash deposits per year.</translation>
    </message>
    <message>
        <source>Class II daily outflow</source>
        <translation>Class II daily outflow</translation>
    </message>
    <message>
        <source>Payments, transfers to non-bound accounts and cash per day.</source>
        <translation>Payments, transfers to non-bound accounts and cash per day.</translation>
    </message>
    <message>
        <source>Class II yearly outflow</source>
        <translation>Class II yearly outflow</translation>
    </message>
    <message>
        <source>Payments, transfers to non-bound accounts and cash per year.</source>
        <translation>Payments, transfers to non-bound accounts and cash per year.</translation>
    </message>
    <message>
        <source>Class III balance cap</source>
        <translation>Class III balance cap</translation>
    </message>
    <message>
        <source>A Class III account never holds more than this.</source>
        <translation>A Class III account never holds more than this.</translation>
    </message>
    <message>
        <source>Class III daily outflow</source>
        <translation>Class III daily outflow</translation>
    </message>
    <message>
        <source>Payments out of a Class III account per day.</source>
        <translation>Payments out of a Class III account per day.</translation>
    </message>
    <message>
        <source>Class III yearly outflow</source>
        <translation>Class III yearly outflow</translation>
    </message>
    <message>
        <source>Payments out of a Class III account per year.</source>
        <translation>Payments out of a Class III account per year.</translation>
    </message>
    <message>
        <source>Oral loss report lapses after</source>
        <translation>Oral loss report lapses after</translation>
    </message>
    <message>
        <source>Days an oral loss report stands without a written one.</source>
        <translation>Days an oral loss report stands without a written one.</translation>
    </message>
    <message>
        <source>Replacement after written loss report</source>
        <translation>Replacement after written loss report</translation>
    </message>
    <message>
        <source>Days from a written loss report to the replacement card.</source>
        <translation>Days from a written loss report to the replacement card.</translation>
    </message>
    <message>
        <source>Wrong passwords before lockout</source>
        <translation>Wrong passwords before lockout</translation>
    </message>
    <message>
        <source>After this many wrong passwords in a row the staff member is locked until an administrator unlocks.</source>
        <translation>After this many wrong passwords in a row the staff member is locked until an administrator unlocks.</translation>
    </message>
    <message>
        <source>Idle lock after (minutes)</source>
        <translation>Idle lock after (minutes)</translation>
    </message>
    <message>
        <source>An idle terminal locks after this many minutes; 0 never locks.</source>
        <translation>An idle terminal locks after this many minutes; 0 never locks.</translation>
    </message>
    <message>
        <source>Minimum password length</source>
        <translation>Minimum password length</translation>
    </message>
    <message>
        <source>Staff passwords have at least this many characters.</source>
        <translation>Staff passwords have at least this many characters.</translation>
    </message>
    <message>
        <source>The setting %1 is not a number.</source>
        <translation>The setting %1 is not a number.</translation>
    </message>
    <message>
        <source>Dormant after (days)</source>
        <translation>Dormant after (days)</translation>
    </message>
    <message>
        <source>A customer demand account without a customer movement for this many days becomes dormant.</source>
        <translation>A customer demand account without a customer movement for this many days becomes dormant.</translation>
    </message>
    <message>
        <source>Approval for freezes</source>
        <translation>Approval for freezes</translation>
    </message>
    <message>
        <source>1: a freeze waits for a supervisor&apos;s approval; 0: done at once.</source>
        <translation>1: a freeze waits for a supervisor&apos;s approval; 0: done at once.</translation>
    </message>
    <message>
        <source>Approval for unfreezes</source>
        <translation>Approval for unfreezes</translation>
    </message>
    <message>
        <source>1: lifting a freeze waits for a supervisor&apos;s approval; 0: done at once.</source>
        <translation>1: lifting a freeze waits for a supervisor&apos;s approval; 0: done at once.</translation>
    </message>
    <message>
        <source>Approval for closures</source>
        <translation>Approval for closures</translation>
    </message>
    <message>
        <source>1: closing an account waits for a supervisor&apos;s approval; 0: done at once.</source>
        <translation>1: closing an account waits for a supervisor&apos;s approval; 0: done at once.</translation>
    </message>
    <message>
        <source>Approval for reversals</source>
        <translation>Approval for reversals</translation>
    </message>
    <message>
        <source>1: a teller&apos;s reversal waits for a supervisor&apos;s approval; 0: done at once.</source>
        <translation>1: a teller&apos;s reversal waits for a supervisor&apos;s approval; 0: done at once.</translation>
    </message>
    <message>
        <source>Approval for cash over/short</source>
        <translation>Approval for cash over/short</translation>
    </message>
    <message>
        <source>1: booking a cash box over or short waits for a supervisor&apos;s approval.</source>
        <translation>1: booking a cash box over or short waits for a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>Approval for fee waivers</source>
        <translation>Approval for fee waivers</translation>
    </message>
    <message>
        <source>1: waiving a fee waits for a supervisor&apos;s approval.</source>
        <translation>1: waiving a fee waits for a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>Approval for card replacement</source>
        <translation>Approval for card replacement</translation>
    </message>
    <message>
        <source>1: replacing a card waits for a supervisor&apos;s approval.</source>
        <translation>1: replacing a card waits for a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>Approval for interbank transfers</source>
        <translation>Approval for interbank transfers</translation>
    </message>
    <message>
        <source>1: every interbank transfer waits for a supervisor&apos;s approval.</source>
        <translation>1: every interbank transfer waits for a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>HVPS opens</source>
        <translation>HVPS opens</translation>
    </message>
    <message>
        <source>HVPS takes instructions from this time on business days; before it they wait.</source>
        <translation>HVPS takes instructions from this time on business days; before it they wait.</translation>
    </message>
    <message>
        <source>IBPS enabled</source>
        <translation>IBPS enabled</translation>
    </message>
    <message>
        <source>1: a customer may ask for IBPS (real time, 7x24); 0: it is not offered.</source>
        <translation>1: a customer may ask for IBPS (real time, 7x24); 0: it is not offered.</translation>
    </message>
    <message>
        <source>IBPS limit</source>
        <translation>IBPS limit</translation>
    </message>
    <message>
        <source>The largest transfer sent through IBPS.</source>
        <translation>The largest transfer sent through IBPS.</translation>
    </message>
    <message>
        <source>Counter transfers per account per day</source>
        <translation>Counter transfers per account per day</translation>
    </message>
    <message>
        <source>What one account may transfer out at the counter in a business day.</source>
        <translation>What one account may transfer out at the counter in a business day.</translation>
    </message>
    <message>
        <source>Intra-bank transfer fee</source>
        <translation>Intra-bank transfer fee</translation>
    </message>
    <message>
        <source>The fee of a transfer to an account of this bank.</source>
        <translation>The fee of a transfer to an account of this bank.</translation>
    </message>
    <message>
        <source>Interbank fee tier 1 up to</source>
        <translation>Interbank fee tier 1 up to</translation>
    </message>
    <message>
        <source>Interbank transfers up to this amount pay the tier 1 fee.</source>
        <translation>Interbank transfers up to this amount pay the tier 1 fee.</translation>
    </message>
    <message>
        <source>Interbank fee tier 1</source>
        <translation>Interbank fee tier 1</translation>
    </message>
    <message>
        <source>The fee of an interbank transfer in tier 1.</source>
        <translation>The fee of an interbank transfer in tier 1.</translation>
    </message>
    <message>
        <source>Interbank fee tier 2 up to</source>
        <translation>Interbank fee tier 2 up to</translation>
    </message>
    <message>
        <source>Interbank transfers up to this amount pay the tier 2 fee.</source>
        <translation>Interbank transfers up to this amount pay the tier 2 fee.</translation>
    </message>
    <message>
        <source>Interbank fee tier 2</source>
        <translation>Interbank fee tier 2</translation>
    </message>
    <message>
        <source>The fee of an interbank transfer in tier 2.</source>
        <translation>The fee of an interbank transfer in tier 2.</translation>
    </message>
    <message>
        <source>Interbank fee tier 3 up to</source>
        <translation>Interbank fee tier 3 up to</translation>
    </message>
    <message>
        <source>Interbank transfers up to this amount pay the tier 3 fee.</source>
        <translation>Interbank transfers up to this amount pay the tier 3 fee.</translation>
    </message>
    <message>
        <source>Interbank fee tier 3</source>
        <translation>Interbank fee tier 3</translation>
    </message>
    <message>
        <source>The fee of an interbank transfer in tier 3.</source>
        <translation>The fee of an interbank transfer in tier 3.</translation>
    </message>
    <message>
        <source>Interbank fee tier 4 up to</source>
        <translation>Interbank fee tier 4 up to</translation>
    </message>
    <message>
        <source>Interbank transfers up to this amount pay the tier 4 fee.</source>
        <translation>Interbank transfers up to this amount pay the tier 4 fee.</translation>
    </message>
    <message>
        <source>Interbank fee tier 4</source>
        <translation>Interbank fee tier 4</translation>
    </message>
    <message>
        <source>The fee of an interbank transfer in tier 4.</source>
        <translation>The fee of an interbank transfer in tier 4.</translation>
    </message>
    <message>
        <source>Interbank fee above tier 4 (per million)</source>
        <translation>Interbank fee above tier 4 (per million)</translation>
    </message>
    <message>
        <source>Above tier 4 the fee is this many millionths of the amount (20 = 0.002%), rounded half up.</source>
        <translation>Above tier 4 the fee is this many millionths of the amount (20 = 0.002%), rounded half up.</translation>
    </message>
    <message>
        <source>Interbank fee at most</source>
        <translation>Interbank fee at most</translation>
    </message>
    <message>
        <source>The largest fee of one interbank transfer.</source>
        <translation>The largest fee of one interbank transfer.</translation>
    </message>
    <message>
        <source>Approval for PIN resets</source>
        <translation>Approval for PIN resets</translation>
    </message>
    <message>
        <source>1: resetting a card&apos;s PIN waits for a supervisor&apos;s approval.</source>
        <translation>1: resetting a card&apos;s PIN waits for a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>BIN of the debit card</source>
        <translation>BIN of the debit card</translation>
    </message>
    <message>
        <source>The first digits (6 to 8) of every debit card number the bank issues.</source>
        <translation>The first digits (6 to 8) of every debit card number the bank issues.</translation>
    </message>
    <message>
        <source>BIN of the quasi-credit card</source>
        <translation>BIN of the quasi-credit card</translation>
    </message>
    <message>
        <source>The first digits (6 to 8) of every quasi-credit card number the bank issues.</source>
        <translation>The first digits (6 to 8) of every quasi-credit card number the bank issues.</translation>
    </message>
    <message>
        <source>BIN of the credit card</source>
        <translation>BIN of the credit card</translation>
    </message>
    <message>
        <source>The first digits (6 to 8) of every credit card number the bank issues.</source>
        <translation>The first digits (6 to 8) of every credit card number the bank issues.</translation>
    </message>
    <message>
        <source>Card number length, debit card</source>
        <translation>Card number length, debit card</translation>
    </message>
    <message>
        <source>Digits of a debit card number, the check digit included (16 to 19).</source>
        <translation>Digits of a debit card number, the check digit included (16 to 19).</translation>
    </message>
    <message>
        <source>Card number length, quasi-credit card</source>
        <translation>Card number length, quasi-credit card</translation>
    </message>
    <message>
        <source>Digits of a quasi-credit card number, the check digit included (16 to 19).</source>
        <translation>Digits of a quasi-credit card number, the check digit included (16 to 19).</translation>
    </message>
    <message>
        <source>Card number length, credit card</source>
        <translation>Card number length, credit card</translation>
    </message>
    <message>
        <source>Digits of a credit card number, the check digit included (16 to 19).</source>
        <translation>Digits of a credit card number, the check digit included (16 to 19).</translation>
    </message>
    <message>
        <source>Validity of a debit card (years)</source>
        <translation>Validity of a debit card (years)</translation>
    </message>
    <message>
        <source>A debit card expires at the end of the month this many years after issuance.</source>
        <translation>A debit card expires at the end of the month this many years after issuance.</translation>
    </message>
    <message>
        <source>Validity of a quasi-credit card (years)</source>
        <translation>Validity of a quasi-credit card (years)</translation>
    </message>
    <message>
        <source>A quasi-credit card expires at the end of the month this many years after issuance.</source>
        <translation>A quasi-credit card expires at the end of the month this many years after issuance.</translation>
    </message>
    <message>
        <source>Validity of a credit card (years)</source>
        <translation>Validity of a credit card (years)</translation>
    </message>
    <message>
        <source>A credit card expires at the end of the month this many years after issuance.</source>
        <translation>A credit card expires at the end of the month this many years after issuance.</translation>
    </message>
    <message>
        <source>Issuance fee, debit card</source>
        <translation>Issuance fee, debit card</translation>
    </message>
    <message>
        <source>Charged to the settlement account when a debit card is issued; 0: none.</source>
        <translation>Charged to the settlement account when a debit card is issued; 0: none.</translation>
    </message>
    <message>
        <source>Issuance fee, quasi-credit card</source>
        <translation>Issuance fee, quasi-credit card</translation>
    </message>
    <message>
        <source>Charged to the settlement account when a quasi-credit card is issued; 0: none.</source>
        <translation>Charged to the settlement account when a quasi-credit card is issued; 0: none.</translation>
    </message>
    <message>
        <source>Issuance fee, credit card</source>
        <translation>Issuance fee, credit card</translation>
    </message>
    <message>
        <source>Charged to the settlement account when a credit card is issued; 0: none.</source>
        <translation>Charged to the settlement account when a credit card is issued; 0: none.</translation>
    </message>
    <message>
        <source>Annual fee, debit card</source>
        <translation>Annual fee, debit card</translation>
    </message>
    <message>
        <source>The yearly fee of a debit card; 0: none.</source>
        <translation>The yearly fee of a debit card; 0: none.</translation>
    </message>
    <message>
        <source>Annual fee, quasi-credit card</source>
        <translation>Annual fee, quasi-credit card</translation>
    </message>
    <message>
        <source>The yearly fee of a quasi-credit card; 0: none.</source>
        <translation>The yearly fee of a quasi-credit card; 0: none.</translation>
    </message>
    <message>
        <source>Annual fee, credit card</source>
        <translation>Annual fee, credit card</translation>
    </message>
    <message>
        <source>The yearly fee of a credit card; 0: none.</source>
        <translation>The yearly fee of a credit card; 0: none.</translation>
    </message>
    <message>
        <source>Quasi-credit overdraft, default</source>
        <translation>Quasi-credit overdraft, default</translation>
    </message>
    <message>
        <source>The overdraft limit of a new quasi-credit card unless the teller enters another.</source>
        <translation>The overdraft limit of a new quasi-credit card unless the teller enters another.</translation>
    </message>
    <message>
        <source>Credit limit, default</source>
        <translation>Credit limit, default</translation>
    </message>
    <message>
        <source>The credit limit of a new credit card unless the teller enters another.</source>
        <translation>The credit limit of a new credit card unless the teller enters another.</translation>
    </message>
    <message>
        <source>Credit card statement day</source>
        <translation>Credit card statement day</translation>
    </message>
    <message>
        <source>The day of the month a credit card&apos;s statement is made, unless chosen at issuance.</source>
        <translation>The day of the month a credit card&apos;s statement is made, unless chosen at issuance.</translation>
    </message>
    <message>
        <source>Credit card due day</source>
        <translation>Credit card due day</translation>
    </message>
    <message>
        <source>The day of the month a credit card&apos;s statement is due, unless chosen at issuance.</source>
        <translation>The day of the month a credit card&apos;s statement is due, unless chosen at issuance.</translation>
    </message>
    <message>
        <source>Remote cash free below</source>
        <translation>Remote cash free below</translation>
    </message>
    <message>
        <source>Remote (other city) cash deposits and withdrawals are free while the day&apos;s total stays under this.</source>
        <translation>Remote (other city) cash deposits and withdrawals are free while the day&apos;s total stays under this.</translation>
    </message>
    <message>
        <source>Remote cash fee (per million)</source>
        <translation>Remote cash fee (per million)</translation>
    </message>
    <message>
        <source>Above the free amount each remote cash transaction pays this many millionths of it (100 = 0.01%), rounded half up.</source>
        <translation>Above the free amount each remote cash transaction pays this many millionths of it (100 = 0.01%), rounded half up.</translation>
    </message>
    <message>
        <source>Remote cash fee at most</source>
        <translation>Remote cash fee at most</translation>
    </message>
    <message>
        <source>The largest remote cash fee of one transaction.</source>
        <translation>The largest remote cash fee of one transaction.</translation>
    </message>
    <message>
        <source>Online payment ceiling, SMS code</source>
        <translation>Online payment ceiling, SMS code</translation>
    </message>
    <message>
        <source>The highest daily online payment limit a customer verifying by SMS code may choose.</source>
        <translation>The highest daily online payment limit a customer verifying by SMS code may choose.</translation>
    </message>
    <message>
        <source>Online payment ceiling, OTP token</source>
        <translation>Online payment ceiling, OTP token</translation>
    </message>
    <message>
        <source>The highest daily online payment limit a customer verifying by OTP token may choose.</source>
        <translation>The highest daily online payment limit a customer verifying by OTP token may choose.</translation>
    </message>
    <message>
        <source>Online payment ceiling, trial OTP token</source>
        <translation>Online payment ceiling, trial OTP token</translation>
    </message>
    <message>
        <source>The highest daily online payment limit a customer verifying by trial OTP token may choose.</source>
        <translation>The highest daily online payment limit a customer verifying by trial OTP token may choose.</translation>
    </message>
    <message>
        <source>Online payment ceiling, USB key</source>
        <translation>Online payment ceiling, USB key</translation>
    </message>
    <message>
        <source>The highest daily online payment limit a customer verifying by USB key may choose.</source>
        <translation>The highest daily online payment limit a customer verifying by USB key may choose.</translation>
    </message>
    <message>
        <source>Wrong PINs before the lock</source>
        <translation>Wrong PINs before the lock</translation>
    </message>
    <message>
        <source>After this many wrong PINs in a business day the card&apos;s PIN is locked until the next business day.</source>
        <translation>After this many wrong PINs in a business day the card&apos;s PIN is locked until the next business day.</translation>
    </message>
    <message>
        <source>Merchant B2B fee (basis points)</source>
        <translation>Merchant B2B fee (basis points)</translation>
    </message>
    <message>
        <source>The fee of a new B2B percent contract in hundredths of a percent (10 = 0.1%), rounded half up per payment.</source>
        <translation>The fee of a new B2B percent contract in hundredths of a percent (10 = 0.1%), rounded half up per payment.</translation>
    </message>
    <message>
        <source>Merchant B2B fixed fee</source>
        <translation>Merchant B2B fixed fee</translation>
    </message>
    <message>
        <source>The fee per payment of a new B2B fixed-fee contract.</source>
        <translation>The fee per payment of a new B2B fixed-fee contract.</translation>
    </message>
    <message>
        <source>Merchant B2C fee (basis points)</source>
        <translation>Merchant B2C fee (basis points)</translation>
    </message>
    <message>
        <source>The fee of a new B2C contract in hundredths of a percent, 20 to 30 (0.2% to 0.3%), rounded half up per payment.</source>
        <translation>The fee of a new B2C contract in hundredths of a percent, 20 to 30 (0.2% to 0.3%), rounded half up per payment.</translation>
    </message>
    <message>
        <source>Demand deposit rate (bp)</source>
        <translation>Demand deposit rate (bp)</translation>
    </message>
    <message>
        <source>Annual demand deposit rate in basis points (35 = 0.35%): daily accrual, quarterly settlement, early withdrawals and time after maturity.</source>
        <translation>Annual demand deposit rate in basis points (35 = 0.35%): daily accrual, quarterly settlement, early withdrawals and time after maturity.</translation>
    </message>
    <message>
        <source>Time deposit rate, 3 months (bp)</source>
        <translation>Time deposit rate, 3 months (bp)</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 3-month time deposit when it is placed or rolled over.</source>
        <translation>Annual rate in basis points fixed for a 3-month time deposit when it is placed or rolled over.</translation>
    </message>
    <message>
        <source>Time deposit rate, 6 months (bp)</source>
        <translation>Time deposit rate, 6 months (bp)</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 6-month time deposit when it is placed or rolled over.</source>
        <translation>Annual rate in basis points fixed for a 6-month time deposit when it is placed or rolled over.</translation>
    </message>
    <message>
        <source>Time deposit rate, 1 year (bp)</source>
        <translation>Time deposit rate, 1 year (bp)</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 1-year time deposit when it is placed or rolled over.</source>
        <translation>Annual rate in basis points fixed for a 1-year time deposit when it is placed or rolled over.</translation>
    </message>
    <message>
        <source>Time deposit rate, 2 years (bp)</source>
        <translation>Time deposit rate, 2 years (bp)</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 2-year time deposit when it is placed or rolled over.</source>
        <translation>Annual rate in basis points fixed for a 2-year time deposit when it is placed or rolled over.</translation>
    </message>
    <message>
        <source>Time deposit rate, 3 years (bp)</source>
        <translation>Time deposit rate, 3 years (bp)</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 3-year time deposit when it is placed or rolled over.</source>
        <translation>Annual rate in basis points fixed for a 3-year time deposit when it is placed or rolled over.</translation>
    </message>
    <message>
        <source>Time deposit rate, 5 years (bp)</source>
        <translation>Time deposit rate, 5 years (bp)</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 5-year time deposit when it is placed or rolled over.</source>
        <translation>Annual rate in basis points fixed for a 5-year time deposit when it is placed or rolled over.</translation>
    </message>
    <message>
        <source>Time deposit minimum</source>
        <translation>Time deposit minimum</translation>
    </message>
    <message>
        <source>The smallest principal of a time deposit, and what a partial early withdrawal must leave.</source>
        <translation>The smallest principal of a time deposit, and what a partial early withdrawal must leave.</translation>
    </message>
    <message>
        <source>Large-value transfers, persons</source>
        <translation>Large-value transfers, persons</translation>
    </message>
    <message>
        <source>A person&apos;s transfers per day and direction at or above this are reported as large-value at end of day.</source>
        <translation>A person&apos;s transfers per day and direction at or above this are reported as large-value at end of day.</translation>
    </message>
    <message>
        <source>Large-value transfers, companies</source>
        <translation>Large-value transfers, companies</translation>
    </message>
    <message>
        <source>A company&apos;s transfers per day and direction at or above this are reported as large-value at end of day.</source>
        <translation>A company&apos;s transfers per day and direction at or above this are reported as large-value at end of day.</translation>
    </message>
    <message>
        <source>SMS gateway timeout (seconds)</source>
        <translation>SMS gateway timeout (seconds)</translation>
    </message>
    <message>
        <source>An SMS gateway that has not answered within this many seconds is taken as failed, and the notice is tried again later.</source>
        <translation>An SMS gateway that has not answered within this many seconds is taken as failed, and the notice is tried again later.</translation>
    </message>
    <message>
        <source>SMS attempts before dead letter</source>
        <translation>SMS attempts before dead letter</translation>
    </message>
    <message>
        <source>A notice that failed this many times is set aside as dead until an administrator retries it.</source>
        <translation>A notice that failed this many times is set aside as dead until an administrator retries it.</translation>
    </message>
    <message>
        <source>SMS retry wait, first (seconds)</source>
        <translation>SMS retry wait, first (seconds)</translation>
    </message>
    <message>
        <source>The wait after a notice&apos;s first failure, doubled after each further one, with random jitter.</source>
        <translation>The wait after a notice&apos;s first failure, doubled after each further one, with random jitter.</translation>
    </message>
    <message>
        <source>SMS retry wait, longest (seconds)</source>
        <translation>SMS retry wait, longest (seconds)</translation>
    </message>
    <message>
        <source>The longest wait between two attempts of a notice.</source>
        <translation>The longest wait between two attempts of a notice.</translation>
    </message>
    <message>
        <source>SMS notices per claim</source>
        <translation>SMS notices per claim</translation>
    </message>
    <message>
        <source>How many due notices a sender takes at a time; other senders take the rest.</source>
        <translation>How many due notices a sender takes at a time; other senders take the rest.</translation>
    </message>
    <message>
        <source>Notice time zone (minutes from UTC)</source>
        <translation>Notice time zone (minutes from UTC)</translation>
    </message>
    <message>
        <source>The times in SMS notices are shown this many minutes ahead of UTC (China: 480).</source>
        <translation>The times in SMS notices are shown this many minutes ahead of UTC (China: 480).</translation>
    </message>
    <message>
        <source>Notice package, monthly fee</source>
        <translation>Notice package, monthly fee</translation>
    </message>
    <message>
        <source>The monthly fee of a new paid notice package, due only after its trial and the customer&apos;s confirmation.</source>
        <translation>The monthly fee of a new paid notice package, due only after its trial and the customer&apos;s confirmation.</translation>
    </message>
    <message>
        <source>Notice package trial (days)</source>
        <translation>Notice package trial (days)</translation>
    </message>
    <message>
        <source>A new paid notice package is free for this many days, and after them until the customer confirms it.</source>
        <translation>A new paid notice package is free for this many days, and after them until the customer confirms it.</translation>
    </message>
</context>
<context>
    <name>cs::SqlError</name>
    <message>
        <source>Another terminal changed the same data; try again (%1).</source>
        <translation>Another terminal changed the same data; try again (%1).</translation>
    </message>
    <message>
        <source>The database refused %1: %2</source>
        <translation>The database refused %1: %2</translation>
    </message>
    <message>
        <source>The database is not available: %1</source>
        <translation>The database is not available: %1</translation>
    </message>
    <message>
        <source>Database error in %1: %2</source>
        <translation>Database error in %1: %2</translation>
    </message>
    <message>
        <source>The database does not allow this terminal&apos;s role to %1: %2</source>
        <translation>The database does not allow this terminal&apos;s role to %1: %2</translation>
    </message>
</context>
<context>
    <name>cs::StaffService</name>
    <message>
        <source>There is no such staff member.</source>
        <translation>There is no such staff member.</translation>
    </message>
    <message>
        <source>Administrators cannot change their own account; ask another administrator.</source>
        <translation>Administrators cannot change their own account; ask another administrator.</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n character(s).</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password must not contain the login.</source>
        <translation>The password must not contain the login.</translation>
    </message>
    <message>
        <source>The password must not be one character repeated.</source>
        <translation>The password must not be one character repeated.</translation>
    </message>
    <message>
        <source>A login has 3 to 32 characters: a letter first, then letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>A login has 3 to 32 characters: a letter first, then letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Enter the staff member&apos;s full name.</source>
        <translation>Enter the staff member&apos;s full name.</translation>
    </message>
    <message>
        <source>This login is already taken.</source>
        <translation>This login is already taken.</translation>
    </message>
    <message>
        <source>There is no such branch.</source>
        <translation>There is no such branch.</translation>
    </message>
    <message>
        <source>Give the reason for disabling.</source>
        <translation>Give the reason for disabling.</translation>
    </message>
    <message>
        <source>This staff member is already disabled.</source>
        <translation>This staff member is already disabled.</translation>
    </message>
    <message>
        <source>Only a disabled staff member can be enabled.</source>
        <translation>Only a disabled staff member can be enabled.</translation>
    </message>
    <message>
        <source>Only a locked staff member can be unlocked.</source>
        <translation>Only a locked staff member can be unlocked.</translation>
    </message>
    <message>
        <source>The staff member already has this role.</source>
        <translation>The staff member already has this role.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
</context>
<context>
    <name>cs::TimeDeposits</name>
    <message>
        <source>There is no account %1.</source>
        <translation>There is no account %1.</translation>
    </message>
    <message>
        <source>A time deposit transaction needs a request id of 1 to 64 characters.</source>
        <translation>A time deposit transaction needs a request id of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>The payout account must be an open Class I demand or corporate account of the same customer.</source>
        <translation>The payout account must be an open Class I demand or corporate account of the same customer.</translation>
    </message>
    <message>
        <source>The customer has no open Class I demand or corporate account for the payout: name one.</source>
        <translation>The customer has no open Class I demand or corporate account for the payout: name one.</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>No time deposit was placed into account %1.</source>
        <translation>No time deposit was placed into account %1.</translation>
    </message>
    <message>
        <source>Time deposit %1 is closed.</source>
        <translation>Time deposit %1 is closed.</translation>
    </message>
    <message>
        <source>Say where the principal comes from: another account of the customer, or cash.</source>
        <translation>Say where the principal comes from: another account of the customer, or cash.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>The amount must be greater than zero.</translation>
    </message>
    <message>
        <source>Account %1 is not a time deposit account.</source>
        <translation>Account %1 is not a time deposit account.</translation>
    </message>
    <message>
        <source>The principal of this time deposit was placed before.</source>
        <translation>The principal of this time deposit was placed before.</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2.</source>
        <translation>Account %1 is kept in %2.</translation>
    </message>
    <message>
        <source>A time deposit is at least %1.</source>
        <translation>A time deposit is at least %1.</translation>
    </message>
    <message>
        <source>The principal comes from a demand or corporate account of the same customer.</source>
        <translation>The principal comes from a demand or corporate account of the same customer.</translation>
    </message>
    <message>
        <source>The deposit holds %1; no more can be taken.</source>
        <translation>The deposit holds %1; no more can be taken.</translation>
    </message>
    <message>
        <source>The deposit has matured: it is paid out whole, not in part.</source>
        <translation>The deposit has matured: it is paid out whole, not in part.</translation>
    </message>
    <message>
        <source>Time deposit paid out at maturity</source>
        <translation>Time deposit paid out at maturity</translation>
    </message>
    <message>
        <source>The one partial early withdrawal of this deposit was made before; only the whole deposit can be withdrawn now.</source>
        <translation>The one partial early withdrawal of this deposit was made before; only the whole deposit can be withdrawn now.</translation>
    </message>
    <message>
        <source>What is left must be at least %1: withdraw the whole deposit instead.</source>
        <translation>What is left must be at least %1: withdraw the whole deposit instead.</translation>
    </message>
    <message>
        <source>Partial early withdrawal of a time deposit</source>
        <translation>Partial early withdrawal of a time deposit</translation>
    </message>
    <message>
        <source>Early withdrawal of a time deposit</source>
        <translation>Early withdrawal of a time deposit</translation>
    </message>
    <message>
        <source>Time deposit interest, rolled over</source>
        <translation>Time deposit interest, rolled over</translation>
    </message>
</context>
<context>
    <name>cs::TransferService</name>
    <message>
        <source>There is no account %1.</source>
        <translation>There is no account %1.</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Payer&apos;s account</source>
        <translation>Payer&apos;s account</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Payee&apos;s bank code</source>
        <translation>Payee&apos;s bank code</translation>
    </message>
    <message>
        <source>Payee&apos;s account</source>
        <translation>Payee&apos;s account</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Amount in words</source>
        <translation>Amount in words</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Fee waived</source>
        <translation>Fee waived</translation>
    </message>
    <message>
        <source>Network (at entry)</source>
        <translation>Network (at entry)</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>There is no transfer %1.</source>
        <translation>There is no transfer %1.</translation>
    </message>
    <message>
        <source>Account %1 is closed.</source>
        <translation>Account %1 is closed.</translation>
    </message>
    <message>
        <source>Account %1 is dormant: reactivate it before paying from it.</source>
        <translation>Account %1 is dormant: reactivate it before paying from it.</translation>
    </message>
    <message>
        <source>Account %1 is frozen: nothing may be paid out of it.</source>
        <translation>Account %1 is frozen: nothing may be paid out of it.</translation>
    </message>
    <message>
        <source>Account %1 is dormant: it takes no transfer until reactivated.</source>
        <translation>Account %1 is dormant: it takes no transfer until reactivated.</translation>
    </message>
    <message>
        <source>Account %1 is frozen: nothing may be paid into it.</source>
        <translation>Account %1 is frozen: nothing may be paid into it.</translation>
    </message>
    <message>
        <source>Insufficient funds: account %1 has %2 available, less than the amount and fee %3.</source>
        <translation>Insufficient funds: account %1 has %2 available, less than the amount and fee %3.</translation>
    </message>
    <message>
        <source>Intra-bank transfer</source>
        <translation>Intra-bank transfer</translation>
    </message>
    <message>
        <source>HVPS (large-value real-time)</source>
        <translation>HVPS (large-value real-time)</translation>
    </message>
    <message>
        <source>BEPS (bulk electronic)</source>
        <translation>BEPS (bulk electronic)</translation>
    </message>
    <message>
        <source>IBPS (online real-time)</source>
        <translation>IBPS (online real-time)</translation>
    </message>
    <message>
        <source>A transfer needs a request id of 1 to 64 characters.</source>
        <translation>A transfer needs a request id of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>The amount must be greater than zero.</translation>
    </message>
    <message>
        <source>The remarks are limited to 256 characters.</source>
        <translation>The remarks are limited to 256 characters.</translation>
    </message>
    <message>
        <source>Give the payee&apos;s account.</source>
        <translation>Give the payee&apos;s account.</translation>
    </message>
    <message>
        <source>%1 is not a bank code: 12 digits with a valid check digit.</source>
        <translation>%1 is not a bank code: 12 digits with a valid check digit.</translation>
    </message>
    <message>
        <source>The payee&apos;s account is 1 to 32 letters, digits or hyphens.</source>
        <translation>The payee&apos;s account is 1 to 32 letters, digits or hyphens.</translation>
    </message>
    <message>
        <source>The payee&apos;s name is 1 to 60 characters.</source>
        <translation>The payee&apos;s name is 1 to 60 characters.</translation>
    </message>
    <message>
        <source>Account %1 is an internal account of the branch.</source>
        <translation>Account %1 is an internal account of the branch.</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2, not in %3.</source>
        <translation>Account %1 is kept in %2, not in %3.</translation>
    </message>
    <message>
        <source>The payee&apos;s account is the payer&apos;s own account.</source>
        <translation>The payee&apos;s account is the payer&apos;s own account.</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2, account %3 in %4: a transfer stays in one currency.</source>
        <translation>Account %1 is kept in %2, account %3 in %4: a transfer stays in one currency.</translation>
    </message>
    <message>
        <source>Interbank transfers are made in CNY; account %1 is kept in %2.</source>
        <translation>Interbank transfers are made in CNY; account %1 is kept in %2.</translation>
    </message>
    <message>
        <source>Account %1 may transfer %2 a day at the counter; %3 is left today.</source>
        <translation>Account %1 may transfer %2 a day at the counter; %3 is left today.</translation>
    </message>
    <message>
        <source>Transfer %1 waiting for approval</source>
        <translation>Transfer %1 waiting for approval</translation>
    </message>
    <message>
        <source>Give the reason the clearing network rejected the transfer.</source>
        <translation>Give the reason the clearing network rejected the transfer.</translation>
    </message>
    <message>
        <source>The reason is limited to 256 characters.</source>
        <translation>The reason is limited to 256 characters.</translation>
    </message>
    <message>
        <source>Transfer %1 is no longer waiting for approval.</source>
        <translation>Transfer %1 is no longer waiting for approval.</translation>
    </message>
    <message>
        <source>Transfer %1 is not an interbank transfer sent to the clearing network: there is nothing to acknowledge.</source>
        <translation>Transfer %1 is not an interbank transfer sent to the clearing network: there is nothing to acknowledge.</translation>
    </message>
</context>
<context>
    <name>cs::Uscc</name>
    <message>
        <source>A unified social credit code has 18 characters; this one has %1.</source>
        <translation>A unified social credit code has 18 characters; this one has %1.</translation>
    </message>
    <message>
        <source>A unified social credit code uses only digits and the letters A-Y without I, O, Z, S and V.</source>
        <translation>A unified social credit code uses only digits and the letters A-Y without I, O, Z, S and V.</translation>
    </message>
</context>
<context>
    <name>cs::batch</name>
    <message>
        <source>The option --%1 needs a value.</source>
        <translation>The option --%1 needs a value.</translation>
    </message>
    <message>
        <source>An option has no name.</source>
        <translation>An option has no name.</translation>
    </message>
    <message>
        <source>Name the database with --db URL or COUNTERSIGN_DB.</source>
        <translation>Name the database with --db URL or COUNTERSIGN_DB.</translation>
    </message>
    <message>
        <source>apply pending migrations; print the schema version</source>
        <translation>apply pending migrations; print the schema version</translation>
    </message>
    <message>
        <source>print the program version</source>
        <translation>print the program version</translation>
    </message>
    <message>
        <source>Usage: countersign-batch [--db URL] [--lang zh_CN|en] COMMAND [options]

Commands:
</source>
        <translation>Usage: countersign-batch [--db URL] [--lang zh_CN|en] COMMAND [options]

Commands:
</translation>
    </message>
    <message>
        <source>Name a command.</source>
        <translation>Name a command.</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Unknown command: %1</translation>
    </message>
    <message>
        <source>The audit trail is broken at %1: %2</source>
        <translation>The audit trail is broken at %1: %2</translation>
    </message>
    <message>
        <source>(admin) add, list, unlock, disable, enable staff; reset a password; set a role</source>
        <translation>(admin) add, list, unlock, disable, enable staff; reset a password; set a role</translation>
    </message>
    <message>
        <source>(admin) get, set or list settings; every change is audited</source>
        <translation>(admin) get, set or list settings; every change is audited</translation>
    </message>
    <message>
        <source>check the audit chains; exit 3 naming the first bad record</source>
        <translation>check the audit chains; exit 3 naming the first bad record</translation>
    </message>
    <message>
        <source>The option --%1 is required.</source>
        <translation>The option --%1 is required.</translation>
    </message>
    <message>
        <source>Name the acting staff with --as LOGIN.</source>
        <translation>Name the acting staff with --as LOGIN.</translation>
    </message>
    <message>
        <source>Put the password of --as in COUNTERSIGN_PASSWORD.</source>
        <translation>Put the password of --as in COUNTERSIGN_PASSWORD.</translation>
    </message>
    <message>
        <source>This password must be changed at the terminal before the staff member can act.</source>
        <translation>This password must be changed at the terminal before the staff member can act.</translation>
    </message>
    <message>
        <source>The role must be teller, supervisor, auditor or admin.</source>
        <translation>The role must be teller, supervisor, auditor or admin.</translation>
    </message>
    <message>
        <source>Put the new staff password in COUNTERSIGN_NEW_PASSWORD.</source>
        <translation>Put the new staff password in COUNTERSIGN_NEW_PASSWORD.</translation>
    </message>
    <message>
        <source>There is no staff member %1.</source>
        <translation>There is no staff member %1.</translation>
    </message>
    <message>
        <source>Unknown command: staff %1 (add, list, unlock, disable, enable, reset-password, set-role).</source>
        <translation>Unknown command: staff %1 (add, list, unlock, disable, enable, reset-password, set-role).</translation>
    </message>
    <message>
        <source>Unknown command: setting %1 (get, set, list).</source>
        <translation>Unknown command: setting %1 (get, set, list).</translation>
    </message>
    <message>
        <source>The option --%1 needs a date as YYYY-MM-DD.</source>
        <translation>The option --%1 needs a date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>The option --%1 needs a positive whole number.</source>
        <translation>The option --%1 needs a positive whole number.</translation>
    </message>
    <message>
        <source>The mode must be full, debit or credit.</source>
        <translation>The mode must be full, debit or credit.</translation>
    </message>
    <message>
        <source>add, find, show or edit customers</source>
        <translation>add, find, show or edit customers</translation>
    </message>
    <message>
        <source>Put the password of --confirm-as in COUNTERSIGN_CONFIRM_PASSWORD.</source>
        <translation>Put the password of --confirm-as in COUNTERSIGN_CONFIRM_PASSWORD.</translation>
    </message>
    <message>
        <source>Unknown command: customer %1 (add, find, show, edit).</source>
        <translation>Unknown command: customer %1 (add, find, show, edit).</translation>
    </message>
    <message>
        <source>The option --limit needs a number from 1 to %1.</source>
        <translation>The option --limit needs a number from 1 to %1.</translation>
    </message>
    <message>
        <source>Unknown command: account %1 (open, show, statement, freeze, unfreeze, close, hold, release, reactivate, dormancy-sweep).</source>
        <translation>Unknown command: account %1 (open, show, statement, freeze, unfreeze, close, hold, release, reactivate, dormancy-sweep).</translation>
    </message>
    <message>
        <source>Unknown command: %1 %2 (%3).</source>
        <translation>Unknown command: %1 %2 (%3).</translation>
    </message>
    <message>
        <source>open, show, freeze, unfreeze, close, reactivate accounts; holds; statements; dormancy sweep</source>
        <translation>open, show, freeze, unfreeze, close, reactivate accounts; holds; statements; dormancy sweep</translation>
    </message>
    <message>
        <source>cash deposit or withdrawal through the acting teller&apos;s cash box</source>
        <translation>cash deposit or withdrawal through the acting teller&apos;s cash box</translation>
    </message>
    <message>
        <source>open, take from or return to the vault, count, close or show the teller&apos;s cash box</source>
        <translation>open, take from or return to the vault, count, close or show the teller&apos;s cash box</translation>
    </message>
    <message>
        <source>enter, preview, list or show transfers; acknowledge clearing items; send queued HVPS items</source>
        <translation>enter, preview, list or show transfers; acknowledge clearing items; send queued HVPS items</translation>
    </message>
    <message>
        <source>reverse a posted transaction (a teller&apos;s request waits for approval)</source>
        <translation>reverse a posted transaction (a teller&apos;s request waits for approval)</translation>
    </message>
    <message>
        <source>list, show, approve, reject or cancel pending approvals</source>
        <translation>list, show, approve, reject or cancel pending approvals</translation>
    </message>
    <message>
        <source>Give --to for an intra-bank transfer or --to-bank, --to-account and --to-name for an interbank one, not both.</source>
        <translation>Give --to for an intra-bank transfer or --to-bank, --to-account and --to-name for an interbank one, not both.</translation>
    </message>
    <message>
        <source>Give either --accepted or --rejected --reason R.</source>
        <translation>Give either --accepted or --rejected --reason R.</translation>
    </message>
    <message>
        <source>Put the card number in %1, never on the command line.</source>
        <translation>Put the card number in %1, never on the command line.</translation>
    </message>
    <message>
        <source>Put the PIN in %1, never on the command line.</source>
        <translation>Put the PIN in %1, never on the command line.</translation>
    </message>
    <message>
        <source>The option --%1 needs a day of the month from 1 to 28.</source>
        <translation>The option --%1 needs a day of the month from 1 to 28.</translation>
    </message>
    <message>
        <source>Give either --enable or --disable.</source>
        <translation>Give either --enable or --disable.</translation>
    </message>
    <message>
        <source>The method must be sms, otp, otp_trial or usbkey.</source>
        <translation>The method must be sms, otp, otp_trial or usbkey.</translation>
    </message>
    <message>
        <source>The kind of loss report must be oral or written.</source>
        <translation>The kind of loss report must be oral or written.</translation>
    </message>
    <message>
        <source>%1 must hold the card key as %2 hexadecimal digits.</source>
        <translation>%1 must hold the card key as %2 hexadecimal digits.</translation>
    </message>
    <message>
        <source>Cards on a central database need its card key in %1 (%2 hexadecimal digits; for a new database, for example from `openssl rand -hex 32`, kept as safely as the database password).</source>
        <translation>Cards on a central database need its card key in %1 (%2 hexadecimal digits; for a new database, for example from `openssl rand -hex 32`, kept as safely as the database password).</translation>
    </message>
    <message>
        <source>issue cards; PIN, activation, loss reports, freeze, replacement, cancellation, online payment</source>
        <translation>issue cards; PIN, activation, loss reports, freeze, replacement, cancellation, online payment</translation>
    </message>
    <message>
        <source>create the demo branch, staff, customers, accounts, cards, merchants and history (idempotent)</source>
        <translation>create the demo branch, staff, customers, accounts, cards, merchants and history (idempotent)</translation>
    </message>
    <message>
        <source>add or list merchants; payments, captures, refunds; show an order; settlements</source>
        <translation>add or list merchants; payments, captures, refunds; show an order; settlements</translation>
    </message>
    <message>
        <source>place a time deposit, withdraw it early (whole or once in part), show it</source>
        <translation>place a time deposit, withdraw it early (whole or once in part), show it</translation>
    </message>
    <message>
        <source>close the branch&apos;s business day (eod status: what blocks it)</source>
        <translation>close the branch&apos;s business day (eod status: what blocks it)</translation>
    </message>
    <message>
        <source>write a report (trial-balance, daily-journal, ...) as PDF, CSV or JSON</source>
        <translation>write a report (trial-balance, daily-journal, ...) as PDF, CSV or JSON</translation>
    </message>
    <message>
        <source>%1 works at branch %2, not %3: only a supervisor of a branch closes its day.</source>
        <translation>%1 works at branch %2, not %3: only a supervisor of a branch closes its day.</translation>
    </message>
    <message>
        <source>The option --%1 is yes or no.</source>
        <translation>The option --%1 is yes or no.</translation>
    </message>
    <message>
        <source>Give either --from ACCOUNT or --cash.</source>
        <translation>Give either --from ACCOUNT or --cash.</translation>
    </message>
    <message>
        <source>The option --merchant needs a merchant&apos;s id or code (M and 8 digits).</source>
        <translation>The option --merchant needs a merchant&apos;s id or code (M and 8 digits).</translation>
    </message>
    <message>
        <source>The option --%1 needs a whole number.</source>
        <translation>The option --%1 needs a whole number.</translation>
    </message>
    <message>
        <source>Give the payer with --account NO or --card ID, one of them.</source>
        <translation>Give the payer with --account NO or --card ID, one of them.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Name the report: %1</source>
        <translation>Name the report: %1</translation>
    </message>
    <message>
        <source>The format is pdf, csv or json.</source>
        <translation>The format is pdf, csv or json.</translation>
    </message>
    <message>
        <source>subscribe accounts to SMS notices; the outbox, its attempts and dead-letter retry; the gateway</source>
        <translation>subscribe accounts to SMS notices; the outbox, its attempts and dead-letter retry; the gateway</translation>
    </message>
    <message>
        <source>one delivery pass of the notice outbox to the SMS gateway: sent, failed, dead</source>
        <translation>one delivery pass of the notice outbox to the SMS gateway: sent, failed, dead</translation>
    </message>
</context>
<context>
    <name>cs::ui::AccountDetailPanel</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Select an account to see it here.</source>
        <translation>Select an account to see it here.</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Account %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, bound to %2</source>
        <translation>%1, bound to %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, matures %2</source>
        <translation>%1, matures %2</translation>
    </message>
    <message>
        <source>%1, closed %2</source>
        <translation>%1, closed %2</translation>
    </message>
    <message>
        <source>No active holds.</source>
        <translation>No active holds.</translation>
    </message>
    <message numerus="yes">
        <source>Active holds: %n</source>
        <translation>
            <numerusform>Active holds: %n</numerusform>
            <numerusform>Active holds: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>Holder:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Product:</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Class:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>Opened:</source>
        <translation>Opened:</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Balance:</translation>
    </message>
    <message>
        <source>Held:</source>
        <translation>Held:</translation>
    </message>
    <message>
        <source>Overdraft:</source>
        <translation>Overdraft:</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>Available:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
</context>
<context>
    <name>cs::ui::AccountNames</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Frozen</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>Dormant</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>in full</source>
        <translation>in full</translation>
    </message>
    <message>
        <source>no debits</source>
        <translation>no debits</translation>
    </message>
    <message>
        <source>no credits</source>
        <translation>no credits</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>Class %1</translation>
    </message>
    <message>
        <source>Demand deposit</source>
        <translation>Demand deposit</translation>
    </message>
    <message>
        <source>Time deposit, 3 months</source>
        <translation>Time deposit, 3 months</translation>
    </message>
    <message>
        <source>Time deposit, 6 months</source>
        <translation>Time deposit, 6 months</translation>
    </message>
    <message>
        <source>Time deposit, 1 year</source>
        <translation>Time deposit, 1 year</translation>
    </message>
    <message>
        <source>Time deposit, 2 years</source>
        <translation>Time deposit, 2 years</translation>
    </message>
    <message>
        <source>Time deposit, 3 years</source>
        <translation>Time deposit, 3 years</translation>
    </message>
    <message>
        <source>Time deposit, 5 years</source>
        <translation>Time deposit, 5 years</translation>
    </message>
    <message>
        <source>Corporate current account</source>
        <translation>Corporate current account</translation>
    </message>
    <message>
        <source>Cash deposit</source>
        <translation>Cash deposit</translation>
    </message>
    <message>
        <source>Cash withdrawal</source>
        <translation>Cash withdrawal</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>Opening balance</translation>
    </message>
    <message>
        <source>Judicial</source>
        <translation>Judicial</translation>
    </message>
    <message>
        <source>Customer&apos;s request</source>
        <translation>Customer&apos;s request</translation>
    </message>
    <message>
        <source>Anti-money-laundering</source>
        <translation>Anti-money-laundering</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Pending transfer</source>
        <translation>Pending transfer</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Social credit code</source>
        <translation>Social credit code</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
</context>
<context>
    <name>cs::ui::AccountsModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No class limits apply to this account.</source>
        <translation>No class limits apply to this account.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Class II/III limits used on this business day: cash and non-bound credits in / out</source>
        <translation>Class II/III limits used on this business day: cash and non-bound credits in / out</translation>
    </message>
    <message>
        <source>Class II/III limits used this year: in / out</source>
        <translation>Class II/III limits used this year: in / out</translation>
    </message>
    <message>
        <source>Balance less active holds, plus any overdraft</source>
        <translation>Balance less active holds, plus any overdraft</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Used today (in / out)</source>
        <translation>Used today (in / out)</translation>
    </message>
    <message>
        <source>Used this year (in / out)</source>
        <translation>Used this year (in / out)</translation>
    </message>
</context>
<context>
    <name>cs::ui::AddStaffDialog</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>%1 was added. They must change the password at the first sign-on.</source>
        <translation>%1 was added. They must change the password at the first sign-on.</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>Add staff member</translation>
    </message>
    <message>
        <source>The new staff member signs on with this initial password once and must then choose their own.</source>
        <translation>The new staff member signs on with this initial password once and must then choose their own.</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>Branch:</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>Initial &amp;password:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>cs::ui::AdminWorkspace</name>
    <message>
        <source>&amp;Staff</source>
        <translation>&amp;Staff</translation>
    </message>
    <message>
        <source>Staff members, their roles and sign-on state</source>
        <translation>Staff members, their roles and sign-on state</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>S&amp;ettings</translation>
    </message>
    <message>
        <source>Limits, timeouts and security settings</source>
        <translation>Limits, timeouts and security settings</translation>
    </message>
    <message>
        <source>&amp;Notices</source>
        <translation>&amp;Notices</translation>
    </message>
    <message>
        <source>The SMS gateway and the outbox of customer notices</source>
        <translation>The SMS gateway and the outbox of customer notices</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalDetailPanel</name>
    <message>
        <source>Select a request in the queue to see it in full.</source>
        <translation>Select a request in the queue to see it in full.</translation>
    </message>
    <message>
        <source>No. %1 · %2 · %3</source>
        <translation>No. %1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Entered by %1 at terminal %2, %3 (business date %4)</source>
        <translation>Entered by %1 at terminal %2, %3 (business date %4)</translation>
    </message>
    <message>
        <source>%1 at %2.</source>
        <translation>%1 at %2.</translation>
    </message>
    <message>
        <source>%1 by %2 at terminal %3, %4.</source>
        <translation>%1 by %2 at terminal %3, %4.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Becomes</translation>
    </message>
    <message>
        <source>The request field by field</source>
        <translation>The request field by field</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>&amp;Amount re-keyed:</source>
        <translation>&amp;Amount re-keyed:</translation>
    </message>
    <message>
        <source>Amount re-keyed</source>
        <translation>Amount re-keyed</translation>
    </message>
    <message>
        <source>Key the amount from the slip</source>
        <translation>Key the amount from the slip</translation>
    </message>
    <message>
        <source>The amount is not shown: key it from the customer&apos;s slip. It must match exactly.</source>
        <translation>The amount is not shown: key it from the customer&apos;s slip. It must match exactly.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Required to reject</source>
        <translation>Required to reject</translation>
    </message>
    <message>
        <source>Enter in this field rejects the request with this reason</source>
        <translation>Enter in this field rejects the request with this reason</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalNames</name>
    <message>
        <source>Transfer within the bank</source>
        <translation>Transfer within the bank</translation>
    </message>
    <message>
        <source>Transfer to another bank</source>
        <translation>Transfer to another bank</translation>
    </message>
    <message>
        <source>Cash withdrawal</source>
        <translation>Cash withdrawal</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <source>Account freeze</source>
        <translation>Account freeze</translation>
    </message>
    <message>
        <source>Account unfreeze</source>
        <translation>Account unfreeze</translation>
    </message>
    <message>
        <source>Account closure</source>
        <translation>Account closure</translation>
    </message>
    <message>
        <source>Cash over or short</source>
        <translation>Cash over or short</translation>
    </message>
    <message>
        <source>Fee waiver</source>
        <translation>Fee waiver</translation>
    </message>
    <message>
        <source>Card replacement</source>
        <translation>Card replacement</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Cash box</source>
        <translation>Cash box</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Card PIN reset</source>
        <translation>Card PIN reset</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalQueueModel</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>re-key</source>
        <translation>re-key</translation>
    </message>
    <message>
        <source>The checker keys the amount from the slip without seeing it.</source>
        <translation>The checker keys the amount from the slip without seeing it.</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>Terminal %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>Maker</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalsWorkspace</name>
    <message>
        <source>%1 of %2 shown; scroll down for more.</source>
        <translation>%1 of %2 shown; scroll down for more.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting.</source>
        <translation>
            <numerusform>%n request waiting.</numerusform>
            <numerusform>%n requests waiting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s).</source>
        <translation>
            <numerusform>%n request.</numerusform>
            <numerusform>%n requests.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Give the reason for the rejection.</source>
        <translation>Give the reason for the rejection.</translation>
    </message>
    <message>
        <source>The decision did not complete.</source>
        <translation>The decision did not complete.</translation>
    </message>
    <message>
        <source>Request %1 approved.</source>
        <translation>Request %1 approved.</translation>
    </message>
    <message>
        <source>Transaction %1 posted.</source>
        <translation>Transaction %1 posted.</translation>
    </message>
    <message>
        <source>Request %1 rejected.</source>
        <translation>Request %1 rejected.</translation>
    </message>
    <message>
        <source>Request %1 cancelled.</source>
        <translation>Request %1 cancelled.</translation>
    </message>
    <message>
        <source>It had already been decided under this request; nothing was done twice.</source>
        <translation>It had already been decided under this request; nothing was done twice.</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;State:</translation>
    </message>
    <message>
        <source>Re&amp;quest:</source>
        <translation>Re&amp;quest:</translation>
    </message>
    <message>
        <source>&amp;Maker:</source>
        <translation>&amp;Maker:</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>Fr&amp;om:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>All requests</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>My submissions</source>
        <translation>My submissions</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>Requests waiting for a second person</source>
        <translation>Requests waiting for a second person</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Approve the selected request: it is carried out now</source>
        <translation>Approve the selected request: it is carried out now</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Reject the selected request, giving the reason</source>
        <translation>Reject the selected request, giving the reason</translation>
    </message>
    <message>
        <source>Cancel my request</source>
        <translation>Cancel my request</translation>
    </message>
    <message>
        <source>Withdraw a request you entered yourself</source>
        <translation>Withdraw a request you entered yourself</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the queue again</source>
        <translation>Read the queue again</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Go to the queue</source>
        <translation>Go to the queue</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Go to the filters</source>
        <translation>Go to the filters</translation>
    </message>
    <message>
        <source>Live: every terminal&apos;s change shows at once.</source>
        <translation>Live: every terminal&apos;s change shows at once.</translation>
    </message>
    <message numerus="yes">
        <source>Checked for changes every %n second(s).</source>
        <translation>
            <numerusform>Checked for changes every %n second.</numerusform>
            <numerusform>Checked for changes every %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cs::ui::AttemptsModel</name>
    <message>
        <source>The gateway&apos;s HTTP status; empty when no answer came</source>
        <translation>The gateway&apos;s HTTP status; empty when no answer came</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Attempt</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>cs::ui::CardActionDialog</name>
    <message>
        <source>Say why, as the customer or the instruction gives it.</source>
        <translation>Say why, as the customer or the instruction gives it.</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>The request did not complete.</translation>
    </message>
    <message>
        <source>Report a card lost</source>
        <translation>Report a card lost</translation>
    </message>
    <message>
        <source>Debits on the card stop at once. An oral report lapses unless a written one follows; a written report cannot be lifted, the card is replaced.</source>
        <translation>Debits on the card stop at once. An oral report lapses unless a written one follows; a written report cannot be lifted, the card is replaced.</translation>
    </message>
    <message>
        <source>Report loss</source>
        <translation>Report loss</translation>
    </message>
    <message>
        <source>Lift a loss report</source>
        <translation>Lift a loss report</translation>
    </message>
    <message>
        <source>The customer found the card: it works again as before the oral report. Check the ID.</source>
        <translation>The customer found the card: it works again as before the oral report. Check the ID.</translation>
    </message>
    <message>
        <source>Lift loss report</source>
        <translation>Lift loss report</translation>
    </message>
    <message>
        <source>Freeze a card</source>
        <translation>Freeze a card</translation>
    </message>
    <message>
        <source>The frozen card pays nothing until it is unfrozen.</source>
        <translation>The frozen card pays nothing until it is unfrozen.</translation>
    </message>
    <message>
        <source>Freeze card</source>
        <translation>Freeze card</translation>
    </message>
    <message>
        <source>Unfreeze a card</source>
        <translation>Unfreeze a card</translation>
    </message>
    <message>
        <source>The card works again.</source>
        <translation>The card works again.</translation>
    </message>
    <message>
        <source>Unfreeze card</source>
        <translation>Unfreeze card</translation>
    </message>
    <message>
        <source>Replace a card</source>
        <translation>Replace a card</translation>
    </message>
    <message>
        <source>A new card with a new number on the same account; the old card becomes void. The customer sets a PIN for the new card.</source>
        <translation>A new card with a new number on the same account; the old card becomes void. The customer sets a PIN for the new card.</translation>
    </message>
    <message>
        <source>Request replacement</source>
        <translation>Request replacement</translation>
    </message>
    <message>
        <source>Cancel a card</source>
        <translation>Cancel a card</translation>
    </message>
    <message>
        <source>The card is closed for good. A quasi-credit or credit card&apos;s own account must be at zero and closes with it.</source>
        <translation>The card is closed for good. A quasi-credit or credit card&apos;s own account must be at zero and closes with it.</translation>
    </message>
    <message>
        <source>Cancel card</source>
        <translation>Cancel card</translation>
    </message>
    <message>
        <source>Reset a PIN</source>
        <translation>Reset a PIN</translation>
    </message>
    <message>
        <source>The PIN and its lock are cleared, so that the customer can set a new one. Check the ID.</source>
        <translation>The PIN and its lock are cleared, so that the customer can set a new one. Check the ID.</translation>
    </message>
    <message>
        <source>Request PIN reset</source>
        <translation>Request PIN reset</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Report:</translation>
    </message>
    <message>
        <source>&amp;Oral (by phone or in person, without a form)</source>
        <translation>&amp;Oral (by phone or in person, without a form)</translation>
    </message>
    <message>
        <source>&amp;Written (the signed form, with the ID)</source>
        <translation>&amp;Written (the signed form, with the ID)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>This waits for a supervisor&apos;s approval: nothing changes until a supervisor approves it in the Approvals workspace.</source>
        <translation>This waits for a supervisor&apos;s approval: nothing changes until a supervisor approves it in the Approvals workspace.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close without changing anything (Esc)</source>
        <translation>Close without changing anything (Esc)</translation>
    </message>
</context>
<context>
    <name>cs::ui::CardIssueWizard</name>
    <message>
        <source>Type the ID number from the ID the customer presents.</source>
        <translation>Type the ID number from the ID the customer presents.</translation>
    </message>
    <message>
        <source>The product&apos;s default</source>
        <translation>The product&apos;s default</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>The request did not complete.</translation>
    </message>
    <message>
        <source>There is no PIN pad at this counter: the customer sets the PIN later.</source>
        <translation>There is no PIN pad at this counter: the customer sets the PIN later.</translation>
    </message>
    <message>
        <source>Waiting for the customer&apos;s PIN…</source>
        <translation>Waiting for the customer&apos;s PIN…</translation>
    </message>
    <message>
        <source>Card %1: choose your PIN</source>
        <translation>Card %1: choose your PIN</translation>
    </message>
    <message>
        <source>No PIN was entered. Ask again, or go on without a PIN: the card stays issued and the customer sets the PIN later (Set PIN in the Counter).</source>
        <translation>No PIN was entered. Ask again, or go on without a PIN: the card stays issued and the customer sets the PIN later (Set PIN in the Counter).</translation>
    </message>
    <message>
        <source>Setting the PIN…</source>
        <translation>Setting the PIN…</translation>
    </message>
    <message>
        <source>%1 The customer tries again.</source>
        <translation>%1 The customer tries again.</translation>
    </message>
    <message>
        <source>%1 Ask again, or go on without a PIN.</source>
        <translation>%1 Ask again, or go on without a PIN.</translation>
    </message>
    <message>
        <source>Issue a card</source>
        <translation>Issue a card</translation>
    </message>
    <message>
        <source>Card product</source>
        <translation>Card product</translation>
    </message>
    <message>
        <source>Settlement account</source>
        <translation>Settlement account</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation>Step %1 of %2 · %3</translation>
    </message>
    <message>
        <source>For %1</source>
        <translation>For %1</translation>
    </message>
    <message>
        <source>Which card does the customer apply for?</source>
        <translation>Which card does the customer apply for?</translation>
    </message>
    <message>
        <source>&amp;Debit card: pays from the settlement account</source>
        <translation>&amp;Debit card: pays from the settlement account</translation>
    </message>
    <message>
        <source>&amp;Quasi-credit card: its own account with an overdraft limit, linked to the settlement account</source>
        <translation>&amp;Quasi-credit card: its own account with an overdraft limit, linked to the settlement account</translation>
    </message>
    <message>
        <source>C&amp;redit card: a credit limit, repaid each month</source>
        <translation>C&amp;redit card: a credit limit, repaid each month</translation>
    </message>
    <message>
        <source>Credit &amp;limit:</source>
        <translation>Credit &amp;limit:</translation>
    </message>
    <message>
        <source>Overdraft &amp;limit:</source>
        <translation>Overdraft &amp;limit:</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Credit limit</translation>
    </message>
    <message>
        <source>Overdraft limit</source>
        <translation>Overdraft limit</translation>
    </message>
    <message>
        <source>Empty: the product&apos;s default</source>
        <translation>Empty: the product&apos;s default</translation>
    </message>
    <message>
        <source>&amp;Statement day:</source>
        <translation>&amp;Statement day:</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>D&amp;ue day:</source>
        <translation>D&amp;ue day:</translation>
    </message>
    <message>
        <source>%1 has no open Class I or II account to settle a card on. Open one first.</source>
        <translation>%1 has no open Class I or II account to settle a card on. Open one first.</translation>
    </message>
    <message>
        <source>The card pays from and into this account of the customer&apos;s.</source>
        <translation>The card pays from and into this account of the customer&apos;s.</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <source>%1 · Class %2 · %3</source>
        <translation>%1 · Class %2 · %3</translation>
    </message>
    <message>
        <source>%1, available %2 %3</source>
        <translation>%1, available %2 %3</translation>
    </message>
    <message>
        <source>Take the customer&apos;s ID card and type its number as printed on it. The card is issued only on the customer&apos;s own, valid ID.</source>
        <translation>Take the customer&apos;s ID card and type its number as printed on it. The card is issued only on the customer&apos;s own, valid ID.</translation>
    </message>
    <message>
        <source>Presented &amp;ID number:</source>
        <translation>Presented &amp;ID number:</translation>
    </message>
    <message>
        <source>18 characters on a resident ID</source>
        <translation>18 characters on a resident ID</translation>
    </message>
    <message>
        <source>Read it back to the customer. Enter issues the card.</source>
        <translation>Read it back to the customer. Enter issues the card.</translation>
    </message>
    <message>
        <source>Cardholder:</source>
        <translation>Cardholder:</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Product:</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>Limit:</translation>
    </message>
    <message>
        <source>Settlement account:</source>
        <translation>Settlement account:</translation>
    </message>
    <message>
        <source>The card is issued. The customer now chooses a 6-digit PIN on the PIN pad and enters it twice; it never shows on this screen.</source>
        <translation>The card is issued. The customer now chooses a 6-digit PIN on the PIN pad and enters it twice; it never shows on this screen.</translation>
    </message>
    <message>
        <source>The card number, shown this once. Print the voucher for the customer to sign; the Counter shows only the masked number from now on.</source>
        <translation>The card number, shown this once. Print the voucher for the customer to sign; the Counter shows only the masked number from now on.</translation>
    </message>
    <message>
        <source>%1 · %2 · expires %3</source>
        <translation>%1 · %2 · expires %3</translation>
    </message>
    <message>
        <source>Settlement account %1</source>
        <translation>Settlement account %1</translation>
    </message>
    <message>
        <source>Card account %1</source>
        <translation>Card account %1</translation>
    </message>
    <message>
        <source>PIN set by the customer.</source>
        <translation>PIN set by the customer.</translation>
    </message>
    <message>
        <source>No PIN yet: the customer sets it later.</source>
        <translation>No PIN yet: the customer sets it later.</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>Show the voucher and print it (%1)</source>
        <translation>Show the voucher and print it (%1)</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Save the voucher as a PDF file (%1)</source>
        <translation>Save the voucher as a PDF file (%1)</translation>
    </message>
    <message>
        <source>&amp;Ask again</source>
        <translation>&amp;Ask again</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>The previous page (%1)</source>
        <translation>The previous page (%1)</translation>
    </message>
    <message>
        <source>Issue card</source>
        <translation>Issue card</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Go on without PIN</source>
        <translation>Go on without PIN</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>cs::ui::CardVaultAccess</name>
    <message>
        <source>This terminal has no place to keep the card key.</source>
        <translation>This terminal has no place to keep the card key.</translation>
    </message>
    <message>
        <source>Cards cannot be served on this terminal: the card key of this database is not installed here. An administrator must install the card key on this terminal.</source>
        <translation>Cards cannot be served on this terminal: the card key of this database is not installed here. An administrator must install the card key on this terminal.</translation>
    </message>
    <message>
        <source>Cards cannot be served on this terminal: it holds another card key than this database. An administrator must install the database&apos;s card key on this terminal.</source>
        <translation>Cards cannot be served on this terminal: it holds another card key than this database. An administrator must install the database&apos;s card key on this terminal.</translation>
    </message>
    <message>
        <source>Cards cannot be served on this terminal: %1</source>
        <translation>Cards cannot be served on this terminal: %1</translation>
    </message>
    <message>
        <source>A card key is 64 hexadecimal digits.</source>
        <translation>A card key is 64 hexadecimal digits.</translation>
    </message>
</context>
<context>
    <name>cs::ui::CardsModel</name>
    <message>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Locked today</source>
        <translation>Locked today</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>%1, %2 a day</source>
        <translation>%1, %2 a day</translation>
    </message>
    <message>
        <source>%1 on %2; it lapses on %3 unless a written report follows.</source>
        <translation>%1 on %2; it lapses on %3 unless a written report follows.</translation>
    </message>
    <message>
        <source>%1 on %2; the card can be replaced from %3.</source>
        <translation>%1 on %2; the card can be replaced from %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong PIN(s) more today lock it.</source>
        <translation>
            <numerusform>%n wrong PIN more today lock it.</numerusform>
            <numerusform>%n wrong PINs more today lock it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Three wrong PINs today: locked until the next business day.</source>
        <translation>Three wrong PINs today: locked until the next business day.</translation>
    </message>
    <message>
        <source>Settlement account %1, card account %2</source>
        <translation>Settlement account %1, card account %2</translation>
    </message>
    <message>
        <source>The first 6 and last 4 digits; the full number is only on the issuance voucher</source>
        <translation>The first 6 and last 4 digits; the full number is only on the issuance voucher</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Settlement account</source>
        <translation>Settlement account</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Online payment</source>
        <translation>Online payment</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
</context>
<context>
    <name>cs::ui::CardsPanel</name>
    <message>
        <source>%1 has no card yet. %2 issues one.</source>
        <translation>%1 has no card yet. %2 issues one.</translation>
    </message>
    <message>
        <source>%1 has no card.</source>
        <translation>%1 has no card.</translation>
    </message>
    <message>
        <source>Card %1 issued to %2 with the PIN the customer chose; activate it when the customer has signed it.</source>
        <translation>Card %1 issued to %2 with the PIN the customer chose; activate it when the customer has signed it.</translation>
    </message>
    <message>
        <source>Card %1 issued to %2 without a PIN: %3 lets the customer set one.</source>
        <translation>Card %1 issued to %2 without a PIN: %3 lets the customer set one.</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>The request did not complete.</translation>
    </message>
    <message>
        <source>Card %1 activated.</source>
        <translation>Card %1 activated.</translation>
    </message>
    <message>
        <source>Card %1: choose a new PIN</source>
        <translation>Card %1: choose a new PIN</translation>
    </message>
    <message>
        <source>No PIN was entered for card %1; nothing changed.</source>
        <translation>No PIN was entered for card %1; nothing changed.</translation>
    </message>
    <message>
        <source>The customer set the PIN of card %1.</source>
        <translation>The customer set the PIN of card %1.</translation>
    </message>
    <message>
        <source>Card %1: enter your current PIN</source>
        <translation>Card %1: enter your current PIN</translation>
    </message>
    <message>
        <source>No new PIN was entered for card %1; nothing changed.</source>
        <translation>No new PIN was entered for card %1; nothing changed.</translation>
    </message>
    <message>
        <source>The customer changed the PIN of card %1.</source>
        <translation>The customer changed the PIN of card %1.</translation>
    </message>
    <message>
        <source>The replacement of card %1 waits for a supervisor&apos;s approval: request no. %2.</source>
        <translation>The replacement of card %1 waits for a supervisor&apos;s approval: request no. %2.</translation>
    </message>
    <message>
        <source>The PIN reset of card %1 waits for a supervisor&apos;s approval: request no. %2.</source>
        <translation>The PIN reset of card %1 waits for a supervisor&apos;s approval: request no. %2.</translation>
    </message>
    <message>
        <source>The change of card %1 waits for a supervisor&apos;s approval: request no. %2.</source>
        <translation>The change of card %1 waits for a supervisor&apos;s approval: request no. %2.</translation>
    </message>
    <message>
        <source>Card %1: %2.</source>
        <translation>Card %1: %2.</translation>
    </message>
    <message>
        <source>The new card is %1.</source>
        <translation>The new card is %1.</translation>
    </message>
    <message>
        <source>Online payment settings of card %1 saved.</source>
        <translation>Online payment settings of card %1 saved.</translation>
    </message>
    <message>
        <source>Cards of the customer</source>
        <translation>Cards of the customer</translation>
    </message>
    <message>
        <source>Issue card…</source>
        <translation>Issue card…</translation>
    </message>
    <message>
        <source>Issue a new card to the customer</source>
        <translation>Issue a new card to the customer</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>Activate the selected card once the customer has it and has set a PIN</source>
        <translation>Activate the selected card once the customer has it and has set a PIN</translation>
    </message>
    <message>
        <source>Set PIN…</source>
        <translation>Set PIN…</translation>
    </message>
    <message>
        <source>The customer chooses the card&apos;s PIN on the PIN pad</source>
        <translation>The customer chooses the card&apos;s PIN on the PIN pad</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>Change PIN…</translation>
    </message>
    <message>
        <source>The customer enters the current PIN, then a new one, on the PIN pad</source>
        <translation>The customer enters the current PIN, then a new one, on the PIN pad</translation>
    </message>
    <message>
        <source>Reset PIN…</source>
        <translation>Reset PIN…</translation>
    </message>
    <message>
        <source>Clear a forgotten PIN so that the customer sets a new one (waits for approval)</source>
        <translation>Clear a forgotten PIN so that the customer sets a new one (waits for approval)</translation>
    </message>
    <message>
        <source>Report loss…</source>
        <translation>Report loss…</translation>
    </message>
    <message>
        <source>Report the selected card lost, orally or in writing</source>
        <translation>Report the selected card lost, orally or in writing</translation>
    </message>
    <message>
        <source>Lift loss report…</source>
        <translation>Lift loss report…</translation>
    </message>
    <message>
        <source>Lift an oral loss report: the card works again</source>
        <translation>Lift an oral loss report: the card works again</translation>
    </message>
    <message>
        <source>Freeze…</source>
        <translation>Freeze…</translation>
    </message>
    <message>
        <source>Freeze the selected card</source>
        <translation>Freeze the selected card</translation>
    </message>
    <message>
        <source>Unfreeze…</source>
        <translation>Unfreeze…</translation>
    </message>
    <message>
        <source>Unfreeze the selected card</source>
        <translation>Unfreeze the selected card</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <source>Replace the card with a new number on the same account (waits for approval)</source>
        <translation>Replace the card with a new number on the same account (waits for approval)</translation>
    </message>
    <message>
        <source>Cancel card…</source>
        <translation>Cancel card…</translation>
    </message>
    <message>
        <source>Close the selected card for good</source>
        <translation>Close the selected card for good</translation>
    </message>
    <message>
        <source>Online payment…</source>
        <translation>Online payment…</translation>
    </message>
    <message>
        <source>Online payment: enabled, verification method and daily limit</source>
        <translation>Online payment: enabled, verification method and daily limit</translation>
    </message>
    <message>
        <source>Reprint voucher…</source>
        <translation>Reprint voucher…</translation>
    </message>
    <message>
        <source>Print the issuance voucher of a card not yet activated again</source>
        <translation>Print the issuance voucher of a card not yet activated again</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Set, change or reset the PIN</source>
        <translation>Set, change or reset the PIN</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>Report a loss or lift an oral report</source>
        <translation>Report a loss or lift an oral report</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Freeze</translation>
    </message>
    <message>
        <source>Freeze or unfreeze the card</source>
        <translation>Freeze or unfreeze the card</translation>
    </message>
</context>
<context>
    <name>cs::ui::CashBoxDialog</name>
    <message>
        <source>The count matches the expected cash.</source>
        <translation>The count matches the expected cash.</translation>
    </message>
    <message>
        <source>Over by %1.</source>
        <translation>Over by %1.</translation>
    </message>
    <message>
        <source>Short by %1.</source>
        <translation>Short by %1.</translation>
    </message>
    <message>
        <source>Open your cash box with %1 (%2) from the vault?</source>
        <translation>Open your cash box with %1 (%2) from the vault?</translation>
    </message>
    <message>
        <source>Take %1 (%2) from the vault into your cash box?</source>
        <translation>Take %1 (%2) from the vault into your cash box?</translation>
    </message>
    <message>
        <source>Return %1 (%2) from your cash box to the vault?</source>
        <translation>Return %1 (%2) from your cash box to the vault?</translation>
    </message>
    <message>
        <source>Record a count of %1 (%2)?</source>
        <translation>Record a count of %1 (%2)?</translation>
    </message>
    <message>
        <source>The count matches the expected %1.</source>
        <translation>The count matches the expected %1.</translation>
    </message>
    <message>
        <source>The box is over by %1. Nothing is booked until the box is closed.</source>
        <translation>The box is over by %1. Nothing is booked until the box is closed.</translation>
    </message>
    <message>
        <source>The box is short by %1. Nothing is booked until the box is closed.</source>
        <translation>The box is short by %1. Nothing is booked until the box is closed.</translation>
    </message>
    <message>
        <source>Close your cash box with %1 (%2) counted?</source>
        <translation>Close your cash box with %1 (%2) counted?</translation>
    </message>
    <message>
        <source>An over of %1 will be booked to suspense payable.</source>
        <translation>An over of %1 will be booked to suspense payable.</translation>
    </message>
    <message>
        <source>A short of %1 will be booked to suspense receivable.</source>
        <translation>A short of %1 will be booked to suspense receivable.</translation>
    </message>
    <message>
        <source>All the counted cash, %1, goes back to the vault.</source>
        <translation>All the counted cash, %1, goes back to the vault.</translation>
    </message>
    <message>
        <source>Cash box closed: %1 returned to the vault.</source>
        <translation>Cash box closed: %1 returned to the vault.</translation>
    </message>
    <message>
        <source>An over of %1 was booked to suspense payable.</source>
        <translation>An over of %1 was booked to suspense payable.</translation>
    </message>
    <message>
        <source>A short of %1 was booked to suspense receivable.</source>
        <translation>A short of %1 was booked to suspense receivable.</translation>
    </message>
    <message>
        <source>Cash box opened with %1 from the vault.</source>
        <translation>Cash box opened with %1 from the vault.</translation>
    </message>
    <message>
        <source>%1 taken from the vault; the box now holds %2.</source>
        <translation>%1 taken from the vault; the box now holds %2.</translation>
    </message>
    <message>
        <source>%1 returned to the vault; the box now holds %2.</source>
        <translation>%1 returned to the vault; the box now holds %2.</translation>
    </message>
    <message>
        <source>Counted %1: the box balances.</source>
        <translation>Counted %1: the box balances.</translation>
    </message>
    <message>
        <source>Counted %1: over by %2.</source>
        <translation>Counted %1: over by %2.</translation>
    </message>
    <message>
        <source>Counted %1: short by %2.</source>
        <translation>Counted %1: short by %2.</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>The request did not complete.</translation>
    </message>
    <message>
        <source>Open cash box</source>
        <translation>Open cash box</translation>
    </message>
    <message>
        <source>Take the cash for the day from the vault into your cash box.</source>
        <translation>Take the cash for the day from the vault into your cash box.</translation>
    </message>
    <message>
        <source>&amp;From the vault:</source>
        <translation>&amp;From the vault:</translation>
    </message>
    <message>
        <source>Take cash from the vault</source>
        <translation>Take cash from the vault</translation>
    </message>
    <message>
        <source>More cash from the vault into your open cash box.</source>
        <translation>More cash from the vault into your open cash box.</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Amount:</translation>
    </message>
    <message>
        <source>Take from vault</source>
        <translation>Take from vault</translation>
    </message>
    <message>
        <source>Return cash to the vault</source>
        <translation>Return cash to the vault</translation>
    </message>
    <message>
        <source>Cash from your cash box back to the vault. The box now holds %1.</source>
        <translation>Cash from your cash box back to the vault. The box now holds %1.</translation>
    </message>
    <message>
        <source>Return to vault</source>
        <translation>Return to vault</translation>
    </message>
    <message>
        <source>Count the cash box</source>
        <translation>Count the cash box</translation>
    </message>
    <message>
        <source>Count the cash in your box and type the total. The count is recorded; nothing is booked.</source>
        <translation>Count the cash in your box and type the total. The count is recorded; nothing is booked.</translation>
    </message>
    <message>
        <source>&amp;Counted:</source>
        <translation>&amp;Counted:</translation>
    </message>
    <message>
        <source>Record count</source>
        <translation>Record count</translation>
    </message>
    <message>
        <source>Close the cash box</source>
        <translation>Close the cash box</translation>
    </message>
    <message>
        <source>Count the cash in your box and type the total. Closing books any over or short and returns all the cash to the vault.</source>
        <translation>Count the cash in your box and type the total. Closing books any over or short and returns all the cash to the vault.</translation>
    </message>
    <message>
        <source>Close cash box</source>
        <translation>Close cash box</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Expected:</source>
        <translation>Expected:</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>An over of %1 waits for a supervisor&apos;s approval (request no. %2).</source>
        <translation>An over of %1 waits for a supervisor&apos;s approval (request no. %2).</translation>
    </message>
    <message>
        <source>A short of %1 waits for a supervisor&apos;s approval (request no. %2).</source>
        <translation>A short of %1 waits for a supervisor&apos;s approval (request no. %2).</translation>
    </message>
    <message>
        <source>The box stays open until it is decided; move no cash meanwhile.</source>
        <translation>The box stays open until it is decided; move no cash meanwhile.</translation>
    </message>
</context>
<context>
    <name>cs::ui::CashBoxWorkspace</name>
    <message>
        <source>No cash box today (%1). Open one with cash from the vault (F2).</source>
        <translation>No cash box today (%1). Open one with cash from the vault (F2).</translation>
    </message>
    <message>
        <source>Open since %1, business date %2.</source>
        <translation>Open since %1, business date %2.</translation>
    </message>
    <message>
        <source>Closed at %1, business date %2.</source>
        <translation>Closed at %1, business date %2.</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>not counted</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>balanced</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>%1 over</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>%1 short</translation>
    </message>
    <message>
        <source>Your cash box</source>
        <translation>Your cash box</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <source>Expected in the box</source>
        <translation>Expected in the box</translation>
    </message>
    <message>
        <source>Last count</source>
        <translation>Last count</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Cash in the box when it was opened, before the cash from the vault</source>
        <translation>Cash in the box when it was opened, before the cash from the vault</translation>
    </message>
    <message>
        <source>Customer deposits and cash from the vault</source>
        <translation>Customer deposits and cash from the vault</translation>
    </message>
    <message>
        <source>Customer withdrawals and cash to the vault</source>
        <translation>Customer withdrawals and cash to the vault</translation>
    </message>
    <message>
        <source>Opening + in − out</source>
        <translation>Opening + in − out</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Open your cash box with cash from the vault</source>
        <translation>Open your cash box with cash from the vault</translation>
    </message>
    <message>
        <source>Take from vault…</source>
        <translation>Take from vault…</translation>
    </message>
    <message>
        <source>Take more cash from the vault into your box</source>
        <translation>Take more cash from the vault into your box</translation>
    </message>
    <message>
        <source>Return to vault…</source>
        <translation>Return to vault…</translation>
    </message>
    <message>
        <source>Return cash from your box to the vault</source>
        <translation>Return cash from your box to the vault</translation>
    </message>
    <message>
        <source>Count…</source>
        <translation>Count…</translation>
    </message>
    <message>
        <source>Record the cash counted in your box</source>
        <translation>Record the cash counted in your box</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>Count, book any over or short, return all cash to the vault</source>
        <translation>Count, book any over or short, return all cash to the vault</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the cash box again</source>
        <translation>Read the cash box again</translation>
    </message>
</context>
<context>
    <name>cs::ui::CashDialog</name>
    <message>
        <source>Large-value cash: with this one the customer&apos;s cash today reaches the reporting threshold, and it will be reported.</source>
        <translation>Large-value cash: with this one the customer&apos;s cash today reaches the reporting threshold, and it will be reported.</translation>
    </message>
    <message>
        <source>Required for a cash amount this large.</source>
        <translation>Required for a cash amount this large.</translation>
    </message>
    <message>
        <source>Take this cash deposit? Count the notes once more.</source>
        <translation>Take this cash deposit? Count the notes once more.</translation>
    </message>
    <message>
        <source>Pay out this cash? Count the notes once more.</source>
        <translation>Pay out this cash? Count the notes once more.</translation>
    </message>
    <message>
        <source>Into account %1, %2</source>
        <translation>Into account %1, %2</translation>
    </message>
    <message>
        <source>From account %1, %2</source>
        <translation>From account %1, %2</translation>
    </message>
    <message>
        <source>Fee %1 · balance after %2</source>
        <translation>Fee %1 · balance after %2</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>The request did not complete.</translation>
    </message>
    <message>
        <source>Deposit posted: transaction %1.</source>
        <translation>Deposit posted: transaction %1.</translation>
    </message>
    <message>
        <source>Withdrawal posted: transaction %1.</source>
        <translation>Withdrawal posted: transaction %1.</translation>
    </message>
    <message>
        <source>It had already been posted under this request; nothing was posted twice.</source>
        <translation>It had already been posted under this request; nothing was posted twice.</translation>
    </message>
    <message>
        <source>Amount %1, fee %2, balance after %3.</source>
        <translation>Amount %1, fee %2, balance after %3.</translation>
    </message>
    <message>
        <source>Give the customer the voucher to sign.</source>
        <translation>Give the customer the voucher to sign.</translation>
    </message>
    <message>
        <source>Cash deposit</source>
        <translation>Cash deposit</translation>
    </message>
    <message>
        <source>Cash withdrawal</source>
        <translation>Cash withdrawal</translation>
    </message>
    <message>
        <source>Cash paid into the account through your cash box.</source>
        <translation>Cash paid into the account through your cash box.</translation>
    </message>
    <message>
        <source>Cash paid out of the account through your cash box.</source>
        <translation>Cash paid out of the account through your cash box.</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>Available:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Amount:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>e.g. 1,000.00</source>
        <translation>e.g. 1,000.00</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>Fee:</translation>
    </message>
    <message>
        <source>Balance after:</source>
        <translation>Balance after:</translation>
    </message>
    <message>
        <source>Available after:</source>
        <translation>Available after:</translation>
    </message>
    <message>
        <source>Customer&apos;s cash today:</source>
        <translation>Customer&apos;s cash today:</translation>
    </message>
    <message>
        <source>This customer&apos;s cash deposits today, with this one</source>
        <translation>This customer&apos;s cash deposits today, with this one</translation>
    </message>
    <message>
        <source>This customer&apos;s cash withdrawals today, with this one</source>
        <translation>This customer&apos;s cash withdrawals today, with this one</translation>
    </message>
    <message>
        <source>Due diligence (required for this amount)</source>
        <translation>Due diligence (required for this amount)</translation>
    </message>
    <message>
        <source>&amp;Source of funds:</source>
        <translation>&amp;Source of funds:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Purpose:</translation>
    </message>
    <message>
        <source>&amp;ID copy reference:</source>
        <translation>&amp;ID copy reference:</translation>
    </message>
    <message>
        <source>Where the copy of the ID is kept</source>
        <translation>Where the copy of the ID is kept</translation>
    </message>
    <message>
        <source>Someone &amp;acts for the customer</source>
        <translation>Someone &amp;acts for the customer</translation>
    </message>
    <message>
        <source>A&amp;gent&apos;s name:</source>
        <translation>A&amp;gent&apos;s name:</translation>
    </message>
    <message>
        <source>Agent&apos;s ID &amp;number:</source>
        <translation>Agent&apos;s ID &amp;number:</translation>
    </message>
    <message>
        <source>&amp;Memo:</source>
        <translation>&amp;Memo:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Post deposit</source>
        <translation>Post deposit</translation>
    </message>
    <message>
        <source>Post withdrawal</source>
        <translation>Post withdrawal</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>Show the voucher and print it (%1)</source>
        <translation>Show the voucher and print it (%1)</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Save the voucher as a PDF file (%1)</source>
        <translation>Save the voucher as a PDF file (%1)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Withdrawal of %1 waits for a supervisor&apos;s approval: request no. %2.</source>
        <translation>Withdrawal of %1 waits for a supervisor&apos;s approval: request no. %2.</translation>
    </message>
    <message>
        <source>The amount is held on the account. Pay out the cash only after the approval.</source>
        <translation>The amount is held on the account. Pay out the cash only after the approval.</translation>
    </message>
</context>
<context>
    <name>cs::ui::ChangeRoleDialog</name>
    <message>
        <source>The role of %1 is now %2.</source>
        <translation>The role of %1 is now %2.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>Current role of %1 (%2): %3. A new role applies from their next sign-on.</source>
        <translation>Current role of %1 (%2): %3. A new role applies from their next sign-on.</translation>
    </message>
    <message>
        <source>New &amp;role:</source>
        <translation>New &amp;role:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>cs::ui::ConnectionDialog</name>
    <message>
        <source>Connected to %1, but its schema version is %2 and this program needs %3. Run countersign-batch migrate.</source>
        <translation>Connected to %1, but its schema version is %2 and this program needs %3. Run countersign-batch migrate.</translation>
    </message>
    <message>
        <source>Connected to %1 (schema version %2).</source>
        <translation>Connected to %1 (schema version %2).</translation>
    </message>
    <message>
        <source>The connection test did not complete.</source>
        <translation>The connection test did not complete.</translation>
    </message>
    <message>
        <source>The password was not saved: %1</source>
        <translation>The password was not saved: %1</translation>
    </message>
    <message>
        <source>Database connection — Countersign</source>
        <translation>Database connection — Countersign</translation>
    </message>
    <message>
        <source>Database connection</source>
        <translation>Database connection</translation>
    </message>
    <message>
        <source>The branch&apos;s central PostgreSQL database. The password is kept in the system keychain, never in a settings file.</source>
        <translation>The branch&apos;s central PostgreSQL database. The password is kept in the system keychain, never in a settings file.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>T&amp;LS mode:</source>
        <translation>T&amp;LS mode:</translation>
    </message>
    <message>
        <source>db.branch.example or 10.0.0.5</source>
        <translation>db.branch.example or 10.0.0.5</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation>Leave empty to keep the saved password</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>TLS mode</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>no encryption</translation>
    </message>
    <message>
        <source>encrypted, server not verified</source>
        <translation>encrypted, server not verified</translation>
    </message>
    <message>
        <source>encrypted, certificate authority checked</source>
        <translation>encrypted, certificate authority checked</translation>
    </message>
    <message>
        <source>encrypted, certificate and host name checked</source>
        <translation>encrypted, certificate and host name checked</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Testing the connection</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Connect with these values without saving them</source>
        <translation>Connect with these values without saving them</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the connection; the password goes to the system keychain (Enter)</source>
        <translation>Save the connection; the password goes to the system keychain (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
</context>
<context>
    <name>cs::ui::ConnectionSettings</name>
    <message>
        <source>Cannot write the settings file %1.</source>
        <translation>Cannot write the settings file %1.</translation>
    </message>
    <message>
        <source>Enter the database server.</source>
        <translation>Enter the database server.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>The port must be between 1 and 65535.</translation>
    </message>
    <message>
        <source>Enter the name of the database.</source>
        <translation>Enter the name of the database.</translation>
    </message>
    <message>
        <source>Enter the database user.</source>
        <translation>Enter the database user.</translation>
    </message>
    <message>
        <source>Unknown TLS mode: %1.</source>
        <translation>Unknown TLS mode: %1.</translation>
    </message>
</context>
<context>
    <name>cs::ui::CounterWorkspace</name>
    <message>
        <source>No customer matches “%1”.</source>
        <translation>No customer matches “%1”.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n customers found; narrow the search to see others.</source>
        <translation>
            <numerusform>The first %n customers found; narrow the search to see others.</numerusform>
            <numerusform>The first %n customers found; narrow the search to see others.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found.</source>
        <translation>
            <numerusform>%n customer found.</numerusform>
            <numerusform>%n customers found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Find a customer by ID number, name, phone or account number.</source>
        <translation>Find a customer by ID number, name, phone or account number.</translation>
    </message>
    <message>
        <source>%1 · %2 %3</source>
        <translation>%1 · %2 %3</translation>
    </message>
    <message>
        <source>%1 · %2 %3 · phone %4</source>
        <translation>%1 · %2 %3 · phone %4</translation>
    </message>
    <message>
        <source>Deposit of %1 to %2 posted: transaction %3. %4 prints the voucher again.</source>
        <translation>Deposit of %1 to %2 posted: transaction %3. %4 prints the voucher again.</translation>
    </message>
    <message>
        <source>Withdrawal of %1 from %2 posted: transaction %3. %4 prints the voucher again.</source>
        <translation>Withdrawal of %1 from %2 posted: transaction %3. %4 prints the voucher again.</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Customer:</translation>
    </message>
    <message>
        <source>ID number, name, phone or account number, then Enter</source>
        <translation>ID number, name, phone or account number, then Enter</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>Find a customer</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>Customers found</translation>
    </message>
    <message>
        <source>Accounts of the customer</source>
        <translation>Accounts of the customer</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Find the customer (Enter in the search field)</source>
        <translation>Find the customer (Enter in the search field)</translation>
    </message>
    <message>
        <source>Deposit…</source>
        <translation>Deposit…</translation>
    </message>
    <message>
        <source>Take a cash deposit into the selected account</source>
        <translation>Take a cash deposit into the selected account</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>Pay out cash from the selected account</source>
        <translation>Pay out cash from the selected account</translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation>Statement…</translation>
    </message>
    <message>
        <source>Show the statement of the selected account</source>
        <translation>Show the statement of the selected account</translation>
    </message>
    <message>
        <source>Print voucher…</source>
        <translation>Print voucher…</translation>
    </message>
    <message>
        <source>Preview and print the voucher of the last cash transaction</source>
        <translation>Preview and print the voucher of the last cash transaction</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the customer&apos;s accounts again</source>
        <translation>Read the customer&apos;s accounts again</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>Find customer</translation>
    </message>
    <message>
        <source>Go to the search field</source>
        <translation>Go to the search field</translation>
    </message>
    <message>
        <source>Withdrawal of %1 from %2 waits for a supervisor&apos;s approval: request no. %3.</source>
        <translation>Withdrawal of %1 from %2 waits for a supervisor&apos;s approval: request no. %3.</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Show the customer&apos;s cards</source>
        <translation>Show the customer&apos;s cards</translation>
    </message>
    <message>
        <source>Acc&amp;ount</source>
        <translation>Acc&amp;ount</translation>
    </message>
    <message>
        <source>Ca&amp;rds (%1)</source>
        <translation>Ca&amp;rds (%1)</translation>
    </message>
    <message>
        <source>Ca&amp;rds</source>
        <translation>Ca&amp;rds</translation>
    </message>
    <message>
        <source>The customer&apos;s cards (%1)</source>
        <translation>The customer&apos;s cards (%1)</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>Show the customer&apos;s SMS notice subscriptions</source>
        <translation>Show the customer&apos;s SMS notice subscriptions</translation>
    </message>
    <message>
        <source>&amp;Notices (%1)</source>
        <translation>&amp;Notices (%1)</translation>
    </message>
    <message>
        <source>&amp;Notices</source>
        <translation>&amp;Notices</translation>
    </message>
    <message>
        <source>The customer&apos;s SMS notice subscriptions (%1)</source>
        <translation>The customer&apos;s SMS notice subscriptions (%1)</translation>
    </message>
</context>
<context>
    <name>cs::ui::CustomerResultsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>ID type</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>cs::ui::DisableStaffDialog</name>
    <message>
        <source>%1 was disabled.</source>
        <translation>%1 was disabled.</translation>
    </message>
    <message>
        <source>Disable staff member</source>
        <translation>Disable staff member</translation>
    </message>
    <message>
        <source>%1 (%2) can no longer sign on until an administrator enables the account again.</source>
        <translation>%1 (%2) can no longer sign on until an administrator enables the account again.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Recorded in the audit trail</source>
        <translation>Recorded in the audit trail</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>cs::ui::EodDialog</name>
    <message>
        <source>%v of %m steps</source>
        <translation>%v of %m steps</translation>
    </message>
    <message>
        <source>Checking whether the day can close…</source>
        <translation>Checking whether the day can close…</translation>
    </message>
    <message>
        <source>What keeps the day open could not be read.</source>
        <translation>What keeps the day open could not be read.</translation>
    </message>
    <message>
        <source>End of day cannot start until these are closed or decided. F5 checks again.</source>
        <translation>End of day cannot start until these are closed or decided. F5 checks again.</translation>
    </message>
    <message>
        <source>Nothing keeps the day open. Enter runs the end of day.</source>
        <translation>Nothing keeps the day open. Enter runs the end of day.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>Closing the business day %1…</source>
        <translation>Closing the business day %1…</translation>
    </message>
    <message>
        <source>The end of day did not report how it ended.</source>
        <translation>The end of day did not report how it ended.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>done in an earlier run</source>
        <translation>done in an earlier run</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>End of day stopped: %1</source>
        <translation>End of day stopped: %1</translation>
    </message>
    <message>
        <source>The business day %1 is closed. The new business date is %2.</source>
        <translation>The business day %1 is closed. The new business date is %2.</translation>
    </message>
    <message>
        <source>An interrupted run of this day was finished; nothing was done twice.</source>
        <translation>An interrupted run of this day was finished; nothing was done twice.</translation>
    </message>
    <message>
        <source>Business date: %1</source>
        <translation>Business date: %1</translation>
    </message>
    <message>
        <source>End of day — %1 %2</source>
        <translation>End of day — %1 %2</translation>
    </message>
    <message>
        <source>Business date: %1. Closing it moves the branch to its next business day.</source>
        <translation>Business date: %1. Closing it moves the branch to its next business day.</translation>
    </message>
    <message>
        <source>The day cannot close while these are open:</source>
        <translation>The day cannot close while these are open:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Steps:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;Run end of day</source>
        <translation>&amp;Run end of day</translation>
    </message>
    <message>
        <source>Check &amp;again (F5)</source>
        <translation>Check &amp;again (F5)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>cs::ui::GatewayForm</name>
    <message>
        <source>This terminal has no place to keep it</source>
        <translation>This terminal has no place to keep it</translation>
    </message>
    <message>
        <source>Stored on this terminal</source>
        <translation>Stored on this terminal</translation>
    </message>
    <message>
        <source>Not stored on this terminal</source>
        <translation>Not stored on this terminal</translation>
    </message>
    <message>
        <source>unchanged; type to replace it</source>
        <translation>unchanged; type to replace it</translation>
    </message>
    <message>
        <source>the gateway&apos;s password</source>
        <translation>the gateway&apos;s password</translation>
    </message>
    <message>
        <source>Last changed by %1 at %2.</source>
        <translation>Last changed by %1 at %2.</translation>
    </message>
    <message>
        <source>No gateway is set up: no notice is sent.</source>
        <translation>No gateway is set up: no notice is sent.</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>Nothing to save.</translation>
    </message>
    <message>
        <source>Gateway settings saved.</source>
        <translation>Gateway settings saved.</translation>
    </message>
    <message>
        <source>The password is stored on this terminal.</source>
        <translation>The password is stored on this terminal.</translation>
    </message>
    <message>
        <source>Gateway &amp;URL:</source>
        <translation>Gateway &amp;URL:</translation>
    </message>
    <message>
        <source>https://sms.example.com/send</source>
        <translation>https://sms.example.com/send</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>A&amp;ccount:</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>Si&amp;gnature:</translation>
    </message>
    <message>
        <source>put into every message, e.g. the bank&apos;s name</source>
        <translation>put into every message, e.g. the bank&apos;s name</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>Save gateway</source>
        <translation>Save gateway</translation>
    </message>
    <message>
        <source>Save the gateway settings, and the password on this terminal (%1)</source>
        <translation>Save the gateway settings, and the password on this terminal (%1)</translation>
    </message>
</context>
<context>
    <name>cs::ui::KeychainSecretStore</name>
    <message>
        <source>The system keychain can only be used while the application is running.</source>
        <translation>The system keychain can only be used while the application is running.</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time. Unlock the keyring and try again.</source>
        <translation>The system keychain did not answer in time. Unlock the keyring and try again.</translation>
    </message>
    <message>
        <source>Access to the system keychain was refused by the user (%1).</source>
        <translation>Access to the system keychain was refused by the user (%1).</translation>
    </message>
    <message>
        <source>The system keychain refused access; it may be locked (%1).</source>
        <translation>The system keychain refused access; it may be locked (%1).</translation>
    </message>
    <message>
        <source>The secret “%1” could not be removed from the system keychain (%2).</source>
        <translation>The secret “%1” could not be removed from the system keychain (%2).</translation>
    </message>
    <message>
        <source>The system keychain (secret service) is not available, so no secret can be kept safely on this computer. Start the desktop keyring (for example gnome-keyring) and try again (%1).</source>
        <translation>The system keychain (secret service) is not available, so no secret can be kept safely on this computer. Start the desktop keyring (for example gnome-keyring) and try again (%1).</translation>
    </message>
</context>
<context>
    <name>cs::ui::LockScreen</name>
    <message>
        <source>Terminal locked</source>
        <translation>Terminal locked</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2). Enter the password to resume.</source>
        <translation>Signed in: %1 (%2). Enter the password to resume.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Resume the session (Enter)</source>
        <translation>Resume the session (Enter)</translation>
    </message>
    <message>
        <source>&amp;Sign off</source>
        <translation>&amp;Sign off</translation>
    </message>
    <message>
        <source>End this session and return to the sign-in screen</source>
        <translation>End this session and return to the sign-in screen</translation>
    </message>
</context>
<context>
    <name>cs::ui::LoginDialog</name>
    <message>
        <source>The sign-on did not complete.</source>
        <translation>The sign-on did not complete.</translation>
    </message>
    <message>
        <source>Sign in — Countersign</source>
        <translation>Sign in — Countersign</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>Bank branch terminal</source>
        <translation>Bank branch terminal</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Sign-in error</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Signing in</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Sign in (Enter)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Quit the terminal (Esc)</source>
        <translation>Quit the terminal (Esc)</translation>
    </message>
    <message>
        <source>Database: %1
Terminal: %2</source>
        <translation>Database: %1
Terminal: %2</translation>
    </message>
    <message>
        <source>Database connection</source>
        <translation>Database connection</translation>
    </message>
    <message>
        <source>The new connection settings apply when the terminal starts again.</source>
        <translation>The new connection settings apply when the terminal starts again.</translation>
    </message>
    <message>
        <source>&amp;Connection…</source>
        <translation>&amp;Connection…</translation>
    </message>
    <message>
        <source>Database server, user and TLS mode; the password is kept in the system keychain</source>
        <translation>Database server, user and TLS mode; the password is kept in the system keychain</translation>
    </message>
</context>
<context>
    <name>cs::ui::MainWindow</name>
    <message>
        <source>About Countersign</source>
        <translation>About Countersign</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Countersign %1&lt;/h3&gt;&lt;p&gt;Bank branch terminal for tellers, supervisors and auditors.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Countersign %1&lt;/h3&gt;&lt;p&gt;Bank branch terminal for tellers, supervisors and auditors.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Countersign — %1</source>
        <translation>Countersign — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Sign off</source>
        <translation>&amp;Sign off</translation>
    </message>
    <message>
        <source>End this session and return to the sign-in screen</source>
        <translation>End this session and return to the sign-in screen</translation>
    </message>
    <message>
        <source>&amp;Lock terminal</source>
        <translation>&amp;Lock terminal</translation>
    </message>
    <message>
        <source>Hide the workspaces until your password is given again</source>
        <translation>Hide the workspaces until your password is given again</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About Countersign</source>
        <translation>&amp;About Countersign</translation>
    </message>
    <message>
        <source>Branch: %1 %2</source>
        <translation>Branch: %1 %2</translation>
    </message>
    <message>
        <source>Staff: %1 (%2, %3)</source>
        <translation>Staff: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Business date: %1</source>
        <translation>Business date: %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>Terminal: %1</translation>
    </message>
    <message>
        <source>&amp;End of day…</source>
        <translation>&amp;End of day…</translation>
    </message>
    <message>
        <source>Close the branch&apos;s business day and move to the next one</source>
        <translation>Close the branch&apos;s business day and move to the next one</translation>
    </message>
</context>
<context>
    <name>cs::ui::NoticeNames</name>
    <message>
        <source>Chinese</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Failed, to retry</source>
        <translation>Failed, to retry</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Dead</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Movement</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>Maturity</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Given up</source>
        <translation>Given up</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Movements with balance, maturity</source>
        <translation>Movements with balance, maturity</translation>
    </message>
    <message>
        <source>Movements, maturity</source>
        <translation>Movements, maturity</translation>
    </message>
    <message>
        <source>Movements with balance</source>
        <translation>Movements with balance</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Movements</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>Package, %1 a month after the trial (to %2), confirmed %3</source>
        <translation>Package, %1 a month after the trial (to %2), confirmed %3</translation>
    </message>
    <message>
        <source>Package, %1 a month after the trial (to %2), not confirmed</source>
        <translation>Package, %1 a month after the trial (to %2), not confirmed</translation>
    </message>
</context>
<context>
    <name>cs::ui::NoticesPage</name>
    <message>
        <source>SMS gateway</source>
        <translation>SMS gateway</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
</context>
<context>
    <name>cs::ui::OnScreenPinPad</name>
    <message>
        <source>PIN pad</source>
        <translation>PIN pad</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Clear all digits</source>
        <translation>Clear all digits</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Enter the same 6 digits again to confirm, then OK.</source>
        <translation>Enter the same 6 digits again to confirm, then OK.</translation>
    </message>
    <message>
        <source>Choose 6 digits, then OK. Do not use 123456 or six equal digits.</source>
        <translation>Choose 6 digits, then OK. Do not use 123456 or six equal digits.</translation>
    </message>
    <message>
        <source>Enter your 6-digit PIN, then OK.</source>
        <translation>Enter your 6-digit PIN, then OK.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled in %n second(s) without a key.</source>
        <translation>
            <numerusform>Cancelled in %n second without a key.</numerusform>
            <numerusform>Cancelled in %n seconds without a key.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cs::ui::OnlinePaymentDialog</name>
    <message>
        <source>Ceiling with %1: %2 a day</source>
        <translation>Ceiling with %1: %2 a day</translation>
    </message>
    <message>
        <source>Available credit: %1</source>
        <translation>Available credit: %1</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>The request did not complete.</translation>
    </message>
    <message>
        <source>Online payment of card %1</source>
        <translation>Online payment of card %1</translation>
    </message>
    <message>
        <source>Whether card %1 pays online, how the customer confirms a payment, and the most it pays in one day.</source>
        <translation>Whether card %1 pays online, how the customer confirms a payment, and the most it pays in one day.</translation>
    </message>
    <message>
        <source>&amp;Online payment enabled</source>
        <translation>&amp;Online payment enabled</translation>
    </message>
    <message>
        <source>&amp;Verification:</source>
        <translation>&amp;Verification:</translation>
    </message>
    <message>
        <source>Daily &amp;limit:</source>
        <translation>Daily &amp;limit:</translation>
    </message>
    <message>
        <source>Daily limit</source>
        <translation>Daily limit</translation>
    </message>
    <message>
        <source>e.g. 5,000.00</source>
        <translation>e.g. 5,000.00</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>cs::ui::OutboxModel</name>
    <message>
        <source>%1, messages in %2</source>
        <translation>%1, messages in %2</translation>
    </message>
    <message>
        <source>Sent at %1</source>
        <translation>Sent at %1</translation>
    </message>
    <message>
        <source>Next attempt at %1</source>
        <translation>Next attempt at %1</translation>
    </message>
    <message>
        <source>When a waiting notice is tried next, or when a sent one was sent</source>
        <translation>When a waiting notice is tried next, or when a sent one was sent</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Next attempt / sent</source>
        <translation>Next attempt / sent</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>cs::ui::OutboxPanel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>All states (%1)</source>
        <translation>All states (%1)</translation>
    </message>
    <message>
        <source>No notice in the outbox.</source>
        <translation>No notice in the outbox.</translation>
    </message>
    <message>
        <source>Notice %1 to %2: %3</source>
        <translation>Notice %1 to %2: %3</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <source>Notice %1 is queued again; the next delivery pass sends it (%2 sends now).</source>
        <translation>Notice %1 is queued again; the next delivery pass sends it (%2 sends now).</translation>
    </message>
    <message>
        <source>This terminal has no place to keep the gateway&apos;s password: it cannot send.</source>
        <translation>This terminal has no place to keep the gateway&apos;s password: it cannot send.</translation>
    </message>
    <message>
        <source>Sending the notices due…</source>
        <translation>Sending the notices due…</translation>
    </message>
    <message>
        <source>A delivery pass of this terminal is already running.</source>
        <translation>A delivery pass of this terminal is already running.</translation>
    </message>
    <message>
        <source>Delivery pass: no notice was due.</source>
        <translation>Delivery pass: no notice was due.</translation>
    </message>
    <message>
        <source>Delivery pass: %1 sent, %2 failed (tried again later), %3 dead.</source>
        <translation>Delivery pass: %1 sent, %2 failed (tried again later), %3 dead.</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) taken over by another sender.</source>
        <translation>
            <numerusform>%n notice taken over by another sender.</numerusform>
            <numerusform>%n notices taken over by another sender.</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>S&amp;tate:</translation>
    </message>
    <message>
        <source>Notice outbox</source>
        <translation>Notice outbox</translation>
    </message>
    <message>
        <source>Delivery attempts of the selected notice</source>
        <translation>Delivery attempts of the selected notice</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the outbox again</source>
        <translation>Read the outbox again</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Queue the selected dead notice again</source>
        <translation>Queue the selected dead notice again</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Run a delivery pass from this terminal now</source>
        <translation>Run a delivery pass from this terminal now</translation>
    </message>
</context>
<context>
    <name>cs::ui::PasswordChangeDialog</name>
    <message>
        <source>The new password and its repetition are not the same.</source>
        <translation>The new password and its repetition are not the same.</translation>
    </message>
    <message>
        <source>The password change did not complete.</source>
        <translation>The password change did not complete.</translation>
    </message>
    <message>
        <source>Change password — Countersign</source>
        <translation>Change password — Countersign</translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation>Choose your own password</translation>
    </message>
    <message>
        <source>%1 (%2): your password was set by an administrator. Choose your own before you continue; it must not contain your login.</source>
        <translation>%1 (%2): your password was set by an administrator. Choose your own before you continue; it must not contain your login.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Repeat new password:</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <source>Password change error</source>
        <translation>Password change error</translation>
    </message>
    <message>
        <source>Changing the password</source>
        <translation>Changing the password</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Change the password and continue (Enter)</source>
        <translation>Change the password and continue (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sign off without changing the password (Esc)</source>
        <translation>Sign off without changing the password (Esc)</translation>
    </message>
</context>
<context>
    <name>cs::ui::PinRequest</name>
    <message>
        <source>PIN entry</source>
        <translation>PIN entry</translation>
    </message>
    <message>
        <source>Waiting for the customer&apos;s PIN…</source>
        <translation>Waiting for the customer&apos;s PIN…</translation>
    </message>
    <message>
        <source>The customer types it on the PIN pad; it never shows here. Esc cancels.</source>
        <translation>The customer types it on the PIN pad; it never shows here. Esc cancels.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReportExport</name>
    <message>
        <source>Report not saved</source>
        <translation>Report not saved</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation>The report could not be written to %1: %2</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Export the report as CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReportPrinter</name>
    <message>
        <source>No figures to chart for this period.</source>
        <translation>No figures to chart for this period.</translation>
    </message>
    <message>
        <source>Branch: %1 %2</source>
        <translation>Branch: %1 %2</translation>
    </message>
    <message>
        <source>Generated: %1</source>
        <translation>Generated: %1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Period: %1</translation>
    </message>
    <message>
        <source>Staff: %1</source>
        <translation>Staff: %1</translation>
    </message>
    <message>
        <source>Currency: %1</source>
        <translation>Currency: %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>No entries in this period.</source>
        <translation>No entries in this period.</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>The report could not be written to %1.</source>
        <translation>The report could not be written to %1.</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReportsWorkspace</name>
    <message>
        <source>Your role may not read reports.</source>
        <translation>Your role may not read reports.</translation>
    </message>
    <message>
        <source>The period ends before it begins: %1 is after %2.</source>
        <translation>The period ends before it begins: %1 is after %2.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>The report could not be read.</source>
        <translation>The report could not be read.</translation>
    </message>
    <message>
        <source>%1 · %2 %3 · period %4 · generated %5 by %6</source>
        <translation>%1 · %2 %3 · period %4 · generated %5 by %6</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s).</source>
        <translation>
            <numerusform>%1: %n row.</numerusform>
            <numerusform>%1: %n rows.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as CSV: %1</source>
        <translation>Saved as CSV: %1</translation>
    </message>
    <message>
        <source>Saved as PDF: %1</source>
        <translation>Saved as PDF: %1</translation>
    </message>
    <message>
        <source>Cancelled: the report being read will not be shown.</source>
        <translation>Cancelled: the report being read will not be shown.</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Report:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>T&amp;eller:</source>
        <translation>T&amp;eller:</translation>
    </message>
    <message>
        <source>your own</source>
        <translation>your own</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>&amp;By:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>&amp;Of:</source>
        <translation>&amp;Of:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Payment mode</source>
        <translation>Payment mode</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>Account type</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>entity, action or staff</source>
        <translation>entity, action or staff</translation>
    </message>
    <message>
        <source>&amp;Merchant:</source>
        <translation>&amp;Merchant:</translation>
    </message>
    <message>
        <source>all merchants</source>
        <translation>all merchants</translation>
    </message>
    <message>
        <source>Report rows</source>
        <translation>Report rows</translation>
    </message>
    <message>
        <source>Report totals</source>
        <translation>Report totals</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Read the report for the period</source>
        <translation>Read the report for the period</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Go to the report&apos;s rows</source>
        <translation>Go to the report&apos;s rows</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <source>Go to the choice of report and period</source>
        <translation>Go to the choice of report and period</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Save the report shown as a CSV file</source>
        <translation>Save the report shown as a CSV file</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Save the report shown as a PDF file</source>
        <translation>Save the report shown as a PDF file</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>See the report&apos;s pages and print them</source>
        <translation>See the report&apos;s pages and print them</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Print the report shown</source>
        <translation>Print the report shown</translation>
    </message>
</context>
<context>
    <name>cs::ui::ResetPasswordDialog</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>The password of %1 was reset. They must change it at the next sign-on.</source>
        <translation>The password of %1 was reset. They must change it at the next sign-on.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Give %1 (%2) a temporary password. They must change it at the next sign-on.</source>
        <translation>Give %1 (%2) a temporary password. They must change it at the next sign-on.</translation>
    </message>
    <message>
        <source>Temporary &amp;password:</source>
        <translation>Temporary &amp;password:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>cs::ui::SettingsModel</name>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Changed at</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Allowed: %1 to %2 yuan.</source>
        <translation>Allowed: %1 to %2 yuan.</translation>
    </message>
    <message>
        <source>Allowed: %1 to %2.</source>
        <translation>Allowed: %1 to %2.</translation>
    </message>
</context>
<context>
    <name>cs::ui::SettingsPage</name>
    <message>
        <source>Nothing to save.</source>
        <translation>Nothing to save.</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>Saved: %1.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>In capitals: %1</source>
        <translation>In capitals: %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the changed settings (%1)</source>
        <translation>Save the changed settings (%1)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Forget unsaved changes and fetch the settings again (%1)</source>
        <translation>Forget unsaved changes and fetch the settings again (%1)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>cs::ui::StaffFormDialog</name>
    <message>
        <source>The request did not complete.</source>
        <translation>The request did not complete.</translation>
    </message>
</context>
<context>
    <name>cs::ui::StaffModel</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Failed sign-ons</source>
        <translation>Failed sign-ons</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>Last sign-on</source>
        <translation>Last sign-on</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>cs::ui::StaffPage</name>
    <message>
        <source>%1 was enabled.</source>
        <translation>%1 was enabled.</translation>
    </message>
    <message>
        <source>%1 was unlocked.</source>
        <translation>%1 was unlocked.</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>Login, name, role or state</source>
        <translation>Login, name, role or state</translation>
    </message>
    <message>
        <source>Find staff</source>
        <translation>Find staff</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Add a staff member with an initial password</source>
        <translation>Add a staff member with an initial password</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Disable…</translation>
    </message>
    <message>
        <source>Stop the selected staff member from signing on</source>
        <translation>Stop the selected staff member from signing on</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Let the selected staff member sign on again</source>
        <translation>Let the selected staff member sign on again</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Clear the failed sign-ons of the selected staff member</source>
        <translation>Clear the failed sign-ons of the selected staff member</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Give the selected staff member a temporary password</source>
        <translation>Give the selected staff member a temporary password</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>Give the selected staff member another role</source>
        <translation>Give the selected staff member another role</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Fetch the staff list again</source>
        <translation>Fetch the staff list again</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Filter the staff list</source>
        <translation>Filter the staff list</translation>
    </message>
</context>
<context>
    <name>cs::ui::StatementDialog</name>
    <message>
        <source>No lines in this period.</source>
        <translation>No lines in this period.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s), all shown.</source>
        <translation>
            <numerusform>%n line, all shown.</numerusform>
            <numerusform>%n lines, all shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) shown; scroll down for more.</source>
        <translation>
            <numerusform>%n line shown; scroll down for more.</numerusform>
            <numerusform>%n lines shown; scroll down for more.</numerusform>
        </translation>
    </message>
    <message>
        <source>Statement of account %1</source>
        <translation>Statement of account %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · balance %4 %5</source>
        <translation>%1 · %2 · %3 · balance %4 %5</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>Only lines from this business date on</source>
        <translation>Only lines from this business date on</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Only lines up to this business date</source>
        <translation>Only lines up to this business date</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Show the lines of the chosen period (Enter)</source>
        <translation>Show the lines of the chosen period (Enter)</translation>
    </message>
    <message>
        <source>Statement lines</source>
        <translation>Statement lines</translation>
    </message>
    <message>
        <source>Voucher…</source>
        <translation>Voucher…</translation>
    </message>
    <message>
        <source>Preview and print the voucher of the selected cash transaction (%1)</source>
        <translation>Preview and print the voucher of the selected cash transaction (%1)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the statement (Esc)</source>
        <translation>Close the statement (Esc)</translation>
    </message>
</context>
<context>
    <name>cs::ui::StatementModel</name>
    <message>
        <source>Transaction %1</source>
        <translation>Transaction %1</translation>
    </message>
    <message>
        <source>Reverses transaction %1</source>
        <translation>Reverses transaction %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
</context>
<context>
    <name>cs::ui::SubscriptionDialog</name>
    <message>
        <source>Subscribed since %1: saving changes this subscription.</source>
        <translation>Subscribed since %1: saving changes this subscription.</translation>
    </message>
    <message>
        <source>Not subscribed yet.</source>
        <translation>Not subscribed yet.</translation>
    </message>
    <message>
        <source>The customer has no open account to subscribe.</source>
        <translation>The customer has no open account to subscribe.</translation>
    </message>
    <message>
        <source>No fee.</source>
        <translation>No fee.</translation>
    </message>
    <message>
        <source>%1 a month after the trial, which ends on %2; the customer confirmed on %3.</source>
        <translation>%1 a month after the trial, which ends on %2; the customer confirmed on %3.</translation>
    </message>
    <message>
        <source>%1 a month after the trial, which ends on %2, and only once the customer confirms the package.</source>
        <translation>%1 a month after the trial, which ends on %2, and only once the customer confirms the package.</translation>
    </message>
    <message>
        <source>%1 a month after a free trial of %2 days, and only once the customer confirms the package.</source>
        <translation>%1 a month after a free trial of %2 days, and only once the customer confirms the package.</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>The request did not complete.</translation>
    </message>
    <message>
        <source>SMS notices of %1</source>
        <translation>SMS notices of %1</translation>
    </message>
    <message>
        <source>Which notices %1 receives by SMS for an account, on which mobile phone and in which language, and the fee plan.</source>
        <translation>Which notices %1 receives by SMS for an account, on which mobile phone and in which language, and the fee plan.</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <source>&amp;Mobile phone:</source>
        <translation>&amp;Mobile phone:</translation>
    </message>
    <message>
        <source>11 digits, e.g. 13800138000</source>
        <translation>11 digits, e.g. 13800138000</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;What is sent:</source>
        <translation>&amp;What is sent:</translation>
    </message>
    <message>
        <source>E&amp;very movement of the account (counter, ATM, POS)</source>
        <translation>E&amp;very movement of the account (counter, ATM, POS)</translation>
    </message>
    <message>
        <source>with the &amp;balance after it</source>
        <translation>with the &amp;balance after it</translation>
    </message>
    <message>
        <source>Time deposit ma&amp;turity</source>
        <translation>Time deposit ma&amp;turity</translation>
    </message>
    <message>
        <source>Fee &amp;plan:</source>
        <translation>Fee &amp;plan:</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>Package (monthly fee)</source>
        <translation>Package (monthly fee)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>cs::ui::SubscriptionsModel</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Fee plan</source>
        <translation>Fee plan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>cs::ui::SubscriptionsPanel</name>
    <message>
        <source>No account of %1 is subscribed to SMS notices; %2 subscribes one.</source>
        <translation>No account of %1 is subscribed to SMS notices; %2 subscribes one.</translation>
    </message>
    <message>
        <source>No account of %1 is subscribed to SMS notices.</source>
        <translation>No account of %1 is subscribed to SMS notices.</translation>
    </message>
    <message>
        <source>SMS notices of account %1 changed: %2 to %3.</source>
        <translation>SMS notices of account %1 changed: %2 to %3.</translation>
    </message>
    <message>
        <source>Account %1 subscribed to SMS notices: %2 to %3.</source>
        <translation>Account %1 subscribed to SMS notices: %2 to %3.</translation>
    </message>
    <message>
        <source>Cancel SMS notices</source>
        <translation>Cancel SMS notices</translation>
    </message>
    <message>
        <source>Cancel the SMS notices of account %1 to %2? Notices already queued are still sent.</source>
        <translation>Cancel the SMS notices of account %1 to %2? Notices already queued are still sent.</translation>
    </message>
    <message>
        <source>SMS notices of account %1 cancelled.</source>
        <translation>SMS notices of account %1 cancelled.</translation>
    </message>
    <message>
        <source>Customer confirms the package</source>
        <translation>Customer confirms the package</translation>
    </message>
    <message>
        <source>Has the customer confirmed the SMS notice package of account %1? %2 a month is due after the trial, which ends on %3.</source>
        <translation>Has the customer confirmed the SMS notice package of account %1? %2 a month is due after the trial, which ends on %3.</translation>
    </message>
    <message>
        <source>The customer confirmed the SMS notice package of account %1 on %2.</source>
        <translation>The customer confirmed the SMS notice package of account %1 on %2.</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>The request did not complete.</translation>
    </message>
    <message>
        <source>SMS notice subscriptions of the customer</source>
        <translation>SMS notice subscriptions of the customer</translation>
    </message>
    <message>
        <source>Subscribe or change…</source>
        <translation>Subscribe or change…</translation>
    </message>
    <message>
        <source>Subscribe an account of the customer to SMS notices, or change its subscription</source>
        <translation>Subscribe an account of the customer to SMS notices, or change its subscription</translation>
    </message>
    <message>
        <source>Cancel subscription…</source>
        <translation>Cancel subscription…</translation>
    </message>
    <message>
        <source>Stop the SMS notices of the selected subscription</source>
        <translation>Stop the SMS notices of the selected subscription</translation>
    </message>
    <message>
        <source>Customer confirms package…</source>
        <translation>Customer confirms package…</translation>
    </message>
    <message>
        <source>Record that the customer confirmed the paid package: its fee is due after the trial</source>
        <translation>Record that the customer confirmed the paid package: its fee is due after the trial</translation>
    </message>
</context>
<context>
    <name>cs::ui::TerminalGatewaySecret</name>
    <message>
        <source>Type the gateway&apos;s password.</source>
        <translation>Type the gateway&apos;s password.</translation>
    </message>
    <message>
        <source>This terminal has no place to keep the gateway&apos;s password.</source>
        <translation>This terminal has no place to keep the gateway&apos;s password.</translation>
    </message>
</context>
<context>
    <name>cs::ui::TransferConfirmation</name>
    <message>
        <source>From %1, %2</source>
        <translation>From %1, %2</translation>
    </message>
    <message>
        <source>To %1, %2, at bank %3</source>
        <translation>To %1, %2, at bank %3</translation>
    </message>
    <message>
        <source>To %1, %2</source>
        <translation>To %1, %2</translation>
    </message>
    <message>
        <source>Route %1 · fee %2%3 · balance after %4</source>
        <translation>Route %1 · fee %2%3 · balance after %4</translation>
    </message>
    <message>
        <source> (waiver asked)</source>
        <translation> (waiver asked)</translation>
    </message>
    <message>
        <source>Remarks: %1</source>
        <translation>Remarks: %1</translation>
    </message>
    <message>
        <source>Read the transfer back to the customer before it is done.</source>
        <translation>Read the transfer back to the customer before it is done.</translation>
    </message>
    <message>
        <source>A supervisor must approve it: the funds are held until then.</source>
        <translation>A supervisor must approve it: the funds are held until then.</translation>
    </message>
    <message>
        <source>It posts at once.</source>
        <translation>It posts at once.</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Submit for approval</translation>
    </message>
    <message>
        <source>Post transfer</source>
        <translation>Post transfer</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Esc: back to the slip</source>
        <translation>Esc: back to the slip</translation>
    </message>
</context>
<context>
    <name>cs::ui::TransferNames</name>
    <message>
        <source>Waiting for approval</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Posted</translation>
    </message>
    <message>
        <source>Queued for the next window</source>
        <translation>Queued for the next window</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Rejected by the network</source>
        <translation>Rejected by the network</translation>
    </message>
    <message>
        <source>Refused by the checker</source>
        <translation>Refused by the checker</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
</context>
<context>
    <name>cs::ui::TransferSlip</name>
    <message>
        <source>A supervisor must approve this transfer; the funds are held until then.</source>
        <translation>A supervisor must approve this transfer; the funds are held until then.</translation>
    </message>
    <message>
        <source>Within your authority: it posts at once.</source>
        <translation>Within your authority: it posts at once.</translation>
    </message>
    <message>
        <source>HVPS is closed now: it is sent in the next window.</source>
        <translation>HVPS is closed now: it is sent in the next window.</translation>
    </message>
    <message>
        <source>Key the payer&apos;s account.</source>
        <translation>Key the payer&apos;s account.</translation>
    </message>
    <message>
        <source>The bank code has 12 digits, the last a check digit; check it against the slip.</source>
        <translation>The bank code has 12 digits, the last a check digit; check it against the slip.</translation>
    </message>
    <message>
        <source>Key the payee&apos;s account.</source>
        <translation>Key the payee&apos;s account.</translation>
    </message>
    <message>
        <source>Key the payee&apos;s name as the slip gives it.</source>
        <translation>Key the payee&apos;s name as the slip gives it.</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <source>Payer&apos;s account number</source>
        <translation>Payer&apos;s account number</translation>
    </message>
    <message>
        <source>Payer&apos;s account</source>
        <translation>Payer&apos;s account</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>Available:</translation>
    </message>
    <message>
        <source>&amp;Within the bank</source>
        <translation>&amp;Within the bank</translation>
    </message>
    <message>
        <source>To an&amp;other bank</source>
        <translation>To an&amp;other bank</translation>
    </message>
    <message>
        <source>&amp;Bank code:</source>
        <translation>&amp;Bank code:</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>Payee&apos;s bank code</source>
        <translation>Payee&apos;s bank code</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>A&amp;ccount:</translation>
    </message>
    <message>
        <source>At the payee&apos;s bank</source>
        <translation>At the payee&apos;s bank</translation>
    </message>
    <message>
        <source>Payee&apos;s account number</source>
        <translation>Payee&apos;s account number</translation>
    </message>
    <message>
        <source>Payee&apos;s account</source>
        <translation>Payee&apos;s account</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>As written on the slip</source>
        <translation>As written on the slip</translation>
    </message>
    <message>
        <source>Looked up from the account</source>
        <translation>Looked up from the account</translation>
    </message>
    <message>
        <source>Payee&apos;s name</source>
        <translation>Payee&apos;s name</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>A&amp;mount:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>e.g. 1,000.00</source>
        <translation>e.g. 1,000.00</translation>
    </message>
    <message>
        <source>&amp;Remarks:</source>
        <translation>&amp;Remarks:</translation>
    </message>
    <message>
        <source>Optional, printed on the voucher</source>
        <translation>Optional, printed on the voucher</translation>
    </message>
    <message>
        <source>Wai&amp;ve the fee (a supervisor approves)</source>
        <translation>Wai&amp;ve the fee (a supervisor approves)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>Route:</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>Fee:</translation>
    </message>
    <message>
        <source>Balance after:</source>
        <translation>Balance after:</translation>
    </message>
    <message>
        <source>Available after:</source>
        <translation>Available after:</translation>
    </message>
</context>
<context>
    <name>cs::ui::TransfersModel</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>waived</source>
        <translation>waived</translation>
    </message>
    <message>
        <source>Transfer %1, request %2</source>
        <translation>Transfer %1, request %2</translation>
    </message>
    <message>
        <source>Payee bank %1</source>
        <translation>Payee bank %1</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Transaction %1</translation>
    </message>
    <message>
        <source>Clearing message %1 (%2)</source>
        <translation>Clearing message %1 (%2)</translation>
    </message>
    <message>
        <source>Network&apos;s reason: %1</source>
        <translation>Network&apos;s reason: %1</translation>
    </message>
    <message>
        <source>Remarks: %1</source>
        <translation>Remarks: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Approval</translation>
    </message>
</context>
<context>
    <name>cs::ui::TransfersWorkspace</name>
    <message>
        <source>The transfer did not complete.</source>
        <translation>The transfer did not complete.</translation>
    </message>
    <message>
        <source>Nothing was done: %1</source>
        <translation>Nothing was done: %1</translation>
    </message>
    <message>
        <source>Transfer %1 of %2 is waiting for approval no. %3: the funds are held until a supervisor decides.</source>
        <translation>Transfer %1 of %2 is waiting for approval no. %3: the funds are held until a supervisor decides.</translation>
    </message>
    <message>
        <source>Transfer %1 of %2 posted: transaction %3, the payer&apos;s balance is now %4.</source>
        <translation>Transfer %1 of %2 posted: transaction %3, the payer&apos;s balance is now %4.</translation>
    </message>
    <message>
        <source>Transfer %1 of %2 is queued: %3 sends it in its next window.</source>
        <translation>Transfer %1 of %2 is queued: %3 sends it in its next window.</translation>
    </message>
    <message>
        <source>Transfer %1 of %2 sent by %3, message %4.</source>
        <translation>Transfer %1 of %2 sent by %3, message %4.</translation>
    </message>
    <message>
        <source>Transfer %1 of %2: %3.</source>
        <translation>Transfer %1 of %2: %3.</translation>
    </message>
    <message>
        <source>%1 prints the voucher.</source>
        <translation>%1 prints the voucher.</translation>
    </message>
    <message>
        <source>It had already been entered under this request; nothing was done twice.</source>
        <translation>It had already been entered under this request; nothing was done twice.</translation>
    </message>
    <message>
        <source>Transfer %1 is now: %2.</source>
        <translation>Transfer %1 is now: %2.</translation>
    </message>
    <message>
        <source>Request %1 cancelled: transfer %2 will not be made and its funds are released.</source>
        <translation>Request %1 cancelled: transfer %2 will not be made and its funds are released.</translation>
    </message>
    <message>
        <source>Today&apos;s transfers</source>
        <translation>Today&apos;s transfers</translation>
    </message>
    <message>
        <source>Your role may look at the branch&apos;s transfers but not enter them.</source>
        <translation>Your role may look at the branch&apos;s transfers but not enter them.</translation>
    </message>
    <message>
        <source>New transfer</source>
        <translation>New transfer</translation>
    </message>
    <message>
        <source>Clear the slip for the next transfer</source>
        <translation>Clear the slip for the next transfer</translation>
    </message>
    <message>
        <source>Print voucher…</source>
        <translation>Print voucher…</translation>
    </message>
    <message>
        <source>Preview and print the voucher of the selected transfer</source>
        <translation>Preview and print the voucher of the selected transfer</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Save the voucher of the selected transfer as a PDF file</source>
        <translation>Save the voucher of the selected transfer as a PDF file</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Cancel request</translation>
    </message>
    <message>
        <source>Withdraw the selected transfer while it waits for approval</source>
        <translation>Withdraw the selected transfer while it waits for approval</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <source>Go to today&apos;s transfers</source>
        <translation>Go to today&apos;s transfers</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read today&apos;s transfers again</source>
        <translation>Read today&apos;s transfers again</translation>
    </message>
</context>
<context>
    <name>cs::ui::Voucher</name>
    <message>
        <source>Cash deposit voucher</source>
        <translation>Cash deposit voucher</translation>
    </message>
    <message>
        <source>Cash withdrawal voucher</source>
        <translation>Cash withdrawal voucher</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>Business date: %1</source>
        <translation>Business date: %1</translation>
    </message>
    <message>
        <source>Transaction no.: %1</source>
        <translation>Transaction no.: %1</translation>
    </message>
    <message>
        <source>Cash deposit</source>
        <translation>Cash deposit</translation>
    </message>
    <message>
        <source>Cash withdrawal</source>
        <translation>Cash withdrawal</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Amount in capitals</source>
        <translation>Amount in capitals</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Balance after</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Teller: %1</source>
        <translation>Teller: %1</translation>
    </message>
    <message>
        <source>Customer signature:</source>
        <translation>Customer signature:</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Request %1</translation>
    </message>
    <message>
        <source>The voucher could not be printed.</source>
        <translation>The voucher could not be printed.</translation>
    </message>
    <message>
        <source>The voucher could not be written to %1.</source>
        <translation>The voucher could not be written to %1.</translation>
    </message>
    <message>
        <source>Save the voucher as PDF</source>
        <translation>Save the voucher as PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Voucher not saved</source>
        <translation>Voucher not saved</translation>
    </message>
    <message>
        <source>Interbank transfer voucher</source>
        <translation>Interbank transfer voucher</translation>
    </message>
    <message>
        <source>Transfer voucher</source>
        <translation>Transfer voucher</translation>
    </message>
    <message>
        <source>%1 (waived)</source>
        <translation>%1 (waived)</translation>
    </message>
    <message>
        <source>Payer account</source>
        <translation>Payer account</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Payee account</source>
        <translation>Payee account</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>Payee bank code</source>
        <translation>Payee bank code</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Clearing message</source>
        <translation>Clearing message</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>Approval no.</source>
        <translation>Approval no.</translation>
    </message>
    <message>
        <source>Card issuance voucher (reprint)</source>
        <translation>Card issuance voucher (reprint)</translation>
    </message>
    <message>
        <source>Card issuance voucher</source>
        <translation>Card issuance voucher</translation>
    </message>
    <message>
        <source>Card record: %1</source>
        <translation>Card record: %1</translation>
    </message>
    <message>
        <source>Overdraft limit</source>
        <translation>Overdraft limit</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Credit limit</translation>
    </message>
    <message>
        <source>Product default</source>
        <translation>Product default</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>Cardholder</source>
        <translation>Cardholder</translation>
    </message>
    <message>
        <source>Card product</source>
        <translation>Card product</translation>
    </message>
    <message>
        <source>Settlement account</source>
        <translation>Settlement account</translation>
    </message>
    <message>
        <source>Card account</source>
        <translation>Card account</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Set by the cardholder</source>
        <translation>Set by the cardholder</translation>
    </message>
    <message>
        <source>Not set yet</source>
        <translation>Not set yet</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Sign the back of the card. Keep the PIN secret; the bank never asks for it.</source>
        <translation>Sign the back of the card. Keep the PIN secret; the bank never asks for it.</translation>
    </message>
    <message>
        <source>Cardholder signature:</source>
        <translation>Cardholder signature:</translation>
    </message>
</context>
<context>
    <name>cs::ui::Workspaces</name>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Find a customer, see their accounts and cards, and act on them.</source>
        <translation>Find a customer, see their accounts and cards, and act on them.</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <source>Transfers between accounts, within the bank and to other banks.</source>
        <translation>Transfers between accounts, within the bank and to other banks.</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Requests waiting for a second person: approve or reject them.</source>
        <translation>Requests waiting for a second person: approve or reject them.</translation>
    </message>
    <message>
        <source>Cash box</source>
        <translation>Cash box</translation>
    </message>
    <message>
        <source>Cash received and paid out, transfers with the vault, and the balance.</source>
        <translation>Cash received and paid out, transfers with the vault, and the balance.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Staff, products and merchants.</source>
        <translation>Staff, products and merchants.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Branch reports to view, print and export.</source>
        <translation>Branch reports to view, print and export.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Start with --demo for the demo branch, or name the central database with --db postgresql://…</source>
        <translation>Start with --demo for the demo branch, or name the central database with --db postgresql://…</translation>
    </message>
    <message>
        <source>The database has schema version %1; this program needs %2. Run countersign-batch migrate.</source>
        <translation>The database has schema version %1; this program needs %2. Run countersign-batch migrate.</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>The card key is installed on this terminal.</source>
        <translation>The card key is installed on this terminal.</translation>
    </message>
</context>
</TS>
