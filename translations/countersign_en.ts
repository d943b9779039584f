<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <source>This staff account is no longer active.</source>
        <translation>This staff account is no longer active.</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>The login or the password is wrong.</translation>
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
        <source>create the demo branch, staff and customers (idempotent)</source>
        <translation>create the demo branch, staff and customers (idempotent)</translation>
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
</context>
</TS>
