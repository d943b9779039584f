<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>cs::AmountFormat</name>
    <message>
        <source>Chinese capital numerals are written for CNY only, not for %1.</source>
        <translation>大写金额仅适用于人民币，不适用于 %1。</translation>
    </message>
    <message>
        <source>The amount is too large to write in Chinese capital numerals.</source>
        <translation>金额过大，无法写成大写金额。</translation>
    </message>
</context>
<context>
    <name>cs::AmountParser</name>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>%1 is empty: enter an amount.</source>
        <translation>%1为空：请输入金额。</translation>
    </message>
    <message>
        <source>%1 must be written in digits with an optional decimal point, such as %2.</source>
        <translation>%1须用数字书写，可带小数点，例如 %2。</translation>
    </message>
    <message>
        <source>%1: put a comma after every three digits, such as %2, or leave the commas out.</source>
        <translation>%1：每三位数字加一个逗号，例如 %2，或者不加逗号。</translation>
    </message>
    <message>
        <source>%1 must not start with a zero.</source>
        <translation>%1不能以 0 开头。</translation>
    </message>
    <message>
        <source>%1: %2 amounts have no decimals.</source>
        <translation>%1：%2 金额没有小数。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 amounts have at most %n decimal(s).</source>
        <translation>
            <numerusform>%1：%2 金额最多保留 %n 位小数。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 must not be negative.</source>
        <translation>%1不能为负数。</translation>
    </message>
    <message>
        <source>%1 is too large.</source>
        <translation>%1过大。</translation>
    </message>
    <message>
        <source>%1 must not be zero.</source>
        <translation>%1不能为零。</translation>
    </message>
</context>
<context>
    <name>cs::AuthService</name>
    <message>
        <source>Enter your login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>This staff account is disabled. Ask an administrator.</source>
        <translation>该员工账号已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>This staff account is locked. Ask an administrator to unlock it.</source>
        <translation>该员工账号已锁定，请联系管理员解锁。</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>This staff account is no longer active.</source>
        <translation>该员工账号已失效。</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>登录名或密码错误。</translation>
    </message>
</context>
<context>
    <name>cs::Database</name>
    <message>
        <source>The database stayed busy after %1 attempts; nothing was changed. Try again.</source>
        <translation>数据库繁忙，已尝试 %1 次，未做任何更改。请重试。</translation>
    </message>
    <message>
        <source>The Qt SQL driver for %1 is not installed.</source>
        <translation>未安装 %1 的 Qt SQL 驱动。</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
</context>
<context>
    <name>cs::DatabaseUrl</name>
    <message>
        <source>The SQLite database needs a file path, as in sqlite:/path/to/file.db.</source>
        <translation>SQLite 数据库需要文件路径，例如 sqlite:/path/to/file.db。</translation>
    </message>
    <message>
        <source>The database address must start with sqlite: or postgresql://.</source>
        <translation>数据库地址须以 sqlite: 或 postgresql:// 开头。</translation>
    </message>
    <message>
        <source>The PostgreSQL address is not valid; expected postgresql://USER:PASSWORD@HOST:PORT/DBNAME.</source>
        <translation>PostgreSQL 地址无效，应为 postgresql://USER:PASSWORD@HOST:PORT/DBNAME。</translation>
    </message>
    <message>
        <source>The PostgreSQL port must be between 1 and 65535.</source>
        <translation>PostgreSQL 端口须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>The PostgreSQL address must name one database after the port.</source>
        <translation>PostgreSQL 地址须在端口之后指定一个数据库。</translation>
    </message>
    <message>
        <source>Unknown option in the PostgreSQL address: %1.</source>
        <translation>PostgreSQL 地址中有未知选项：%1。</translation>
    </message>
    <message>
        <source>Unknown sslmode: %1.</source>
        <translation>未知的 sslmode：%1。</translation>
    </message>
</context>
<context>
    <name>cs::DemoData</name>
    <message>
        <source>Unknown role in the demo data.</source>
        <translation>演示数据中有未知角色。</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>无法为 %1 创建文件夹。</translation>
    </message>
    <message>
        <source>The demo data is missing from this build.</source>
        <translation>此版本缺少演示数据。</translation>
    </message>
    <message>
        <source>The demo data is malformed: %1</source>
        <translation>演示数据格式错误：%1</translation>
    </message>
</context>
<context>
    <name>cs::Migrator</name>
    <message>
        <source>Unexpected migration file name: %1</source>
        <translation>迁移文件名不符合规范：%1</translation>
    </message>
    <message>
        <source>Two migrations have the number %1.</source>
        <translation>有两个迁移的编号都是 %1。</translation>
    </message>
    <message>
        <source>Cannot read migration %1.</source>
        <translation>无法读取迁移 %1。</translation>
    </message>
    <message>
        <source>Migration %1 is missing.</source>
        <translation>缺少迁移 %1。</translation>
    </message>
    <message>
        <source>The database has schema version %1 but this program knows only up to %2. Install a newer Countersign.</source>
        <translation>数据库结构版本为 %1，而本程序最高只支持 %2。请安装新版柜台签章。</translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed: %3</source>
        <translation>迁移 %1（%2）失败：%3</translation>
    </message>
</context>
<context>
    <name>cs::Money</name>
    <message>
        <source>The amount is too large to be represented.</source>
        <translation>金额过大，无法表示。</translation>
    </message>
    <message>
        <source>Amounts in %1 and %2 cannot be combined.</source>
        <translation>%1 金额与 %2 金额不能合并计算。</translation>
    </message>
    <message>
        <source>An amount cannot be divided by zero.</source>
        <translation>金额不能除以零。</translation>
    </message>
</context>
<context>
    <name>cs::PasswordHasher</name>
    <message>
        <source>The system random generator failed.</source>
        <translation>系统随机数生成器故障。</translation>
    </message>
    <message>
        <source>scrypt is not available in this OpenSSL.</source>
        <translation>当前 OpenSSL 不支持 scrypt。</translation>
    </message>
</context>
<context>
    <name>cs::Role</name>
    <message>
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>稽核员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>cs::SqlError</name>
    <message>
        <source>Another terminal changed the same data; try again (%1).</source>
        <translation>其他终端修改了同一数据，请重试（%1）。</translation>
    </message>
    <message>
        <source>The database refused %1: %2</source>
        <translation>数据库拒绝了 %1：%2</translation>
    </message>
    <message>
        <source>The database is not available: %1</source>
        <translation>数据库不可用：%1</translation>
    </message>
    <message>
        <source>Database error in %1: %2</source>
        <translation>%1 出现数据库错误：%2</translation>
    </message>
</context>
<context>
    <name>cs::batch</name>
    <message>
        <source>The option --%1 needs a value.</source>
        <translation>选项 --%1 需要一个值。</translation>
    </message>
    <message>
        <source>An option has no name.</source>
        <translation>有一个选项没有名称。</translation>
    </message>
    <message>
        <source>Name the database with --db URL or COUNTERSIGN_DB.</source>
        <translation>请用 --db URL 或 COUNTERSIGN_DB 指定数据库。</translation>
    </message>
    <message>
        <source>apply pending migrations; print the schema version</source>
        <translation>执行尚未执行的迁移；输出数据库结构版本</translation>
    </message>
    <message>
        <source>create the demo branch, staff and customers (idempotent)</source>
        <translation>创建演示网点、员工和客户（可重复执行）</translation>
    </message>
    <message>
        <source>print the program version</source>
        <translation>输出程序版本</translation>
    </message>
    <message>
        <source>Usage: countersign-batch [--db URL] [--lang zh_CN|en] COMMAND [options]

Commands:
</source>
        <translation>用法：countersign-batch [--db URL] [--lang zh_CN|en] 命令 [选项]

命令：
</translation>
    </message>
    <message>
        <source>Name a command.</source>
        <translation>请指定命令。</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
</context>
<context>
    <name>cs::ui::LockScreen</name>
    <message>
        <source>Terminal locked</source>
        <translation>终端已锁屏</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2). Enter the password to resume.</source>
        <translation>已签到：%1（%2）。输入密码以继续。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Resume the session (Enter)</source>
        <translation>继续本次会话（Enter）</translation>
    </message>
    <message>
        <source>&amp;Sign off</source>
        <translation>签退(&amp;S)</translation>
    </message>
    <message>
        <source>End this session and return to the sign-in screen</source>
        <translation>结束本次会话，返回签到界面</translation>
    </message>
</context>
<context>
    <name>cs::ui::LoginDialog</name>
    <message>
        <source>The sign-on did not complete.</source>
        <translation>签到未能完成。</translation>
    </message>
    <message>
        <source>Sign in — Countersign</source>
        <translation>签到 — 柜台签章</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>柜台签章</translation>
    </message>
    <message>
        <source>Bank branch terminal</source>
        <translation>银行网点柜面终端</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>签到错误</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>正在签到</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>签到（Enter）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit the terminal (Esc)</source>
        <translation>退出终端程序（Esc）</translation>
    </message>
    <message>
        <source>Database: %1
Terminal: %2</source>
        <translation>数据库：%1
终端：%2</translation>
    </message>
</context>
<context>
    <name>cs::ui::MainWindow</name>
    <message>
        <source>About Countersign</source>
        <translation>关于柜台签章</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Countersign %1&lt;/h3&gt;&lt;p&gt;Bank branch terminal for tellers, supervisors and auditors.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;柜台签章 %1&lt;/h3&gt;&lt;p&gt;供柜员、主管和稽核员使用的银行网点柜面终端。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Countersign — %1</source>
        <translation>柜台签章 — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Sign off</source>
        <translation>签退(&amp;S)</translation>
    </message>
    <message>
        <source>End this session and return to the sign-in screen</source>
        <translation>结束本次会话，返回签到界面</translation>
    </message>
    <message>
        <source>&amp;Lock terminal</source>
        <translation>锁屏(&amp;L)</translation>
    </message>
    <message>
        <source>Hide the workspaces until your password is given again</source>
        <translation>隐藏工作区，重新输入密码后恢复</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Countersign</source>
        <translation>关于柜台签章(&amp;A)</translation>
    </message>
    <message>
        <source>Branch: %1 %2</source>
        <translation>网点：%1 %2</translation>
    </message>
    <message>
        <source>Staff: %1 (%2, %3)</source>
        <translation>操作员：%1（%2，%3）</translation>
    </message>
    <message>
        <source>Business date: %1</source>
        <translation>营业日期：%1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>终端：%1</translation>
    </message>
</context>
<context>
    <name>cs::ui::Workspaces</name>
    <message>
        <source>Counter</source>
        <translation>柜面</translation>
    </message>
    <message>
        <source>Find a customer, see their accounts and cards, and act on them.</source>
        <translation>查找客户，查看其账户和卡片并办理业务。</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Transfers between accounts, within the bank and to other banks.</source>
        <translation>账户间转账，包括行内转账和跨行转账。</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Requests waiting for a second person: approve or reject them.</source>
        <translation>等待复核授权的业务：批准或拒绝。</translation>
    </message>
    <message>
        <source>Cash box</source>
        <translation>尾箱</translation>
    </message>
    <message>
        <source>Cash received and paid out, transfers with the vault, and the balance.</source>
        <translation>现金收付、与金库的调拨以及尾箱余额。</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Staff, products and merchants.</source>
        <translation>员工、产品和商户管理。</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Branch reports to view, print and export.</source>
        <translation>查看、打印和导出网点报表。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Start with --demo for the demo branch, or name the central database with --db postgresql://…</source>
        <translation>使用 --demo 打开演示网点，或用 --db postgresql://… 指定中心数据库。</translation>
    </message>
    <message>
        <source>The database has schema version %1; this program needs %2. Run countersign-batch migrate.</source>
        <translation>数据库结构版本为 %1，本程序需要 %2。请运行 countersign-batch migrate。</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>柜台签章</translation>
    </message>
</context>
</TS>
