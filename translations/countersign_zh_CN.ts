<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>cs::AccountNumber</name>
    <message>
        <source>An account number has 16 digits and starts with 6 or 9.</source>
        <translation>账号为 16 位数字，以 6 或 9 开头。</translation>
    </message>
    <message>
        <source>The account number is mistyped: its check digit does not match. Check each digit.</source>
        <translation>账号输入有误：校验位不符，请逐位核对。</translation>
    </message>
    <message>
        <source>Enter the account number.</source>
        <translation>请输入账号。</translation>
    </message>
</context>
<context>
    <name>cs::AccountService</name>
    <message>
        <source>There is no account %1.</source>
        <translation>账号 %1 不存在。</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>The reason code must be one of: %1.</source>
        <translation>原因代码必须是以下之一：%1。</translation>
    </message>
    <message>
        <source>Account %1 is an internal account of the branch.</source>
        <translation>账户 %1 是网点内部账户。</translation>
    </message>
    <message>
        <source>Choose the product.</source>
        <translation>请选择产品。</translation>
    </message>
    <message>
        <source>The class is I, II or III.</source>
        <translation>账户类别为 I、II 或 III 类。</translation>
    </message>
    <message>
        <source>There is no such customer.</source>
        <translation>没有这个客户。</translation>
    </message>
    <message>
        <source>There is no product %1.</source>
        <translation>没有产品 %1。</translation>
    </message>
    <message>
        <source>Product %1 is not opened as an account at the counter.</source>
        <translation>产品 %1 不能在柜面开立账户。</translation>
    </message>
    <message>
        <source>A company opens a corporate account.</source>
        <translation>单位客户只能开立单位结算账户。</translation>
    </message>
    <message>
        <source>A corporate account is for companies only.</source>
        <translation>单位结算账户仅供单位客户开立。</translation>
    </message>
    <message>
        <source>Choose the class of a personal demand account: I, II or III.</source>
        <translation>请选择个人活期账户的类别：I、II 或 III 类。</translation>
    </message>
    <message>
        <source>Only a personal demand account has a class.</source>
        <translation>只有个人活期账户区分类别。</translation>
    </message>
    <message>
        <source>A Class II or III account is bound to the customer&apos;s Class I account: enter its number.</source>
        <translation>II 类、III 类账户须绑定本人的 I 类账户：请输入其账号。</translation>
    </message>
    <message>
        <source>Only a Class II or III account is bound to another account.</source>
        <translation>只有 II 类、III 类账户需要绑定账户。</translation>
    </message>
    <message>
        <source>The customer already has a Class I account at this bank; open a Class II or III.</source>
        <translation>该客户在本行已有 I 类账户，请开立 II 类或 III 类账户。</translation>
    </message>
    <message>
        <source>Account %1 is not an open Class I account of this customer.</source>
        <translation>账户 %1 不是该客户名下正常的 I 类账户。</translation>
    </message>
    <message>
        <source>The branch has used up its account numbers.</source>
        <translation>本网点的账号已用尽。</translation>
    </message>
    <message>
        <source>Account %1 is already frozen.</source>
        <translation>账户 %1 已被冻结。</translation>
    </message>
    <message>
        <source>Account %1 is closed or dormant.</source>
        <translation>账户 %1 已销户或处于久悬状态。</translation>
    </message>
    <message>
        <source>Account %1 is not frozen.</source>
        <translation>账户 %1 未被冻结。</translation>
    </message>
    <message>
        <source>Account %1 is already closed.</source>
        <translation>账户 %1 已销户。</translation>
    </message>
    <message>
        <source>Account %1 is frozen: unfreeze it before closing.</source>
        <translation>账户 %1 已冻结：请先解冻再销户。</translation>
    </message>
    <message>
        <source>Account %1 has active holds: release them before closing.</source>
        <translation>账户 %1 有未解除的止付：请先解除再销户。</translation>
    </message>
    <message>
        <source>Account %1 still holds %2: pay it out before closing.</source>
        <translation>账户 %1 尚有余额 %2：请先支取后再销户。</translation>
    </message>
    <message>
        <source>Class II or III accounts are bound to account %1: close them first.</source>
        <translation>有 II 类或 III 类账户绑定在账户 %1 上：请先将其销户。</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2.</source>
        <translation>账户 %1 的币种为 %2。</translation>
    </message>
    <message>
        <source>Cards are issued on account %1: cancel them first.</source>
        <translation>账户 %1 下有已发行的卡片：请先销卡。</translation>
    </message>
</context>
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
    <name>cs::ApprovalActions</name>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>ID copy</source>
        <translation>身份证件复印件编号</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Agent&apos;s ID number</source>
        <translation>代理人证件号码</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>交易类型</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>营业日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>已记账</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>已冲正</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>原因代码</translation>
    </message>
    <message>
        <source>Cash box session</source>
        <translation>尾箱会话</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Over, to suspense payable</source>
        <translation>长款，记入待处理长款（其他应付）</translation>
    </message>
    <message>
        <source>Short, to suspense receivable</source>
        <translation>短款，记入待处理短款（其他应收）</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已销户</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>久悬</translation>
    </message>
    <message>
        <source>in full</source>
        <translation>全额冻结</translation>
    </message>
    <message>
        <source>no debits</source>
        <translation>只收不付</translation>
    </message>
    <message>
        <source>no credits</source>
        <translation>只付不收</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>未上缴</translation>
    </message>
    <message>
        <source>returned to the vault</source>
        <translation>已上缴入库</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>新卡</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>cleared; the customer sets a new one</source>
        <translation>已清除，由客户重新设置</translation>
    </message>
</context>
<context>
    <name>cs::ApprovalService</name>
    <message>
        <source>There is no approval %1.</source>
        <translation>审批 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a command that can wait for approval.</source>
        <translation>%1 不是可提交审批的业务。</translation>
    </message>
    <message>
        <source>A checker-only user cannot start an action.</source>
        <translation>仅具有复核权限的用户不能发起业务。</translation>
    </message>
    <message>
        <source>A command that waits for approval needs a request id of 1 to 64 characters.</source>
        <translation>待审批业务需要 1 至 64 个字符的请求编号。</translation>
    </message>
    <message>
        <source>Ask for 1 to 500 approvals at a time.</source>
        <translation>每次可查询 1 至 500 笔审批。</translation>
    </message>
    <message>
        <source>You entered approval %1: another person must decide it.</source>
        <translation>审批 %1 由您本人经办：须由他人审批。</translation>
    </message>
    <message>
        <source>%1 is above your approval authority of %2.</source>
        <translation>%1 超出您的审批权限 %2。</translation>
    </message>
    <message>
        <source>Type the amount of approval %1 again to approve it.</source>
        <translation>请重新输入审批 %1 的金额后再批准。</translation>
    </message>
    <message>
        <source>The amount typed does not match the amount entered: approval %1 stays pending.</source>
        <translation>复核输入的金额与经办录入的金额不符：审批 %1 仍为待审批。</translation>
    </message>
    <message>
        <source>Give the reason for the rejection.</source>
        <translation>请填写拒绝原因。</translation>
    </message>
    <message>
        <source>Only the person who entered approval %1 may cancel it.</source>
        <translation>只有审批 %1 的经办人本人才能撤销。</translation>
    </message>
    <message>
        <source>Cancelled by the maker.</source>
        <translation>经办人已撤销。</translation>
    </message>
    <message>
        <source>Only the branch&apos;s own staff may expire its approvals.</source>
        <translation>只有本网点人员才能对本网点的审批作过期处理。</translation>
    </message>
    <message>
        <source>Expired at the end of business day %1.</source>
        <translation>营业日 %1 日终时已过期。</translation>
    </message>
    <message>
        <source>The same command for this %1 is already waiting for approval.</source>
        <translation>该 %1 的同一业务已在等待审批。</translation>
    </message>
    <message>
        <source>Approval %1 has already been decided, cancelled or expired.</source>
        <translation>审批 %1 已处理、已撤销或已过期。</translation>
    </message>
    <message>
        <source>The same command is already waiting for approval (number %1).</source>
        <translation>相同的申请已在等待审批（编号 %1）。</translation>
    </message>
</context>
<context>
    <name>cs::AuditLog</name>
    <message>
        <source>The record is missing: it was deleted (the chain goes from #%1 to #%2).</source>
        <translation>该记录缺失：已被删除（链从 #%1 跳到 #%2）。</translation>
    </message>
    <message>
        <source>The chain of this record has no head row: it was deleted.</source>
        <translation>该记录所在的链没有链头行：链头已被删除。</translation>
    </message>
    <message>
        <source>The record does not link to the record before it: records were reordered, inserted or replaced.</source>
        <translation>该记录未与前一条记录相链接：记录被调换顺序、插入或替换。</translation>
    </message>
    <message>
        <source>The record was edited: its content no longer matches its hash.</source>
        <translation>该记录已被篡改：其内容与哈希值不再相符。</translation>
    </message>
    <message>
        <source>The record lies beyond the head of its chain (#%1): the head was moved back or the record was added outside the program.</source>
        <translation>该记录位于其链头（#%1）之后：链头被回退，或记录是在程序之外添加的。</translation>
    </message>
    <message>
        <source>The records of this chain were deleted: its head says it runs to #%1, but none is left.</source>
        <translation>此链的记录已被删除：链头表明链至 #%1，但已无任何记录。</translation>
    </message>
    <message>
        <source>The last records of this chain were deleted: its head says it runs to #%1, but it ends at #%2.</source>
        <translation>此链的最后几条记录已被删除：链头表明链至 #%1，但链止于 #%2。</translation>
    </message>
    <message>
        <source>The head of the chain does not match its last record: the head or the record was replaced.</source>
        <translation>链头与链的最后一条记录不符：链头或该记录已被替换。</translation>
    </message>
    <message>
        <source>An audit record needs the terminal it was made at.</source>
        <translation>审计记录需要注明其产生的终端。</translation>
    </message>
    <message>
        <source>An audit record needs an action.</source>
        <translation>审计记录需要注明操作。</translation>
    </message>
    <message>
        <source>The head of the audit chain %1 cannot be created.</source>
        <translation>无法创建审计链 %1 的链头。</translation>
    </message>
    <message>
        <source>The audit record cannot be hashed.</source>
        <translation>无法计算审计记录的哈希值。</translation>
    </message>
    <message>
        <source>The head of the audit chain %1 moved while it was locked.</source>
        <translation>审计链 %1 的链头在锁定期间发生了变动。</translation>
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
        <source>The login or the password is wrong.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message numerus="yes">
        <source>The password is wrong. After %n wrong password(s) this staff account is now locked.</source>
        <translation>
            <numerusform>密码错误。连续 %n 次密码错误，此操作员账号现已锁定。</numerusform>
        </translation>
    </message>
    <message>
        <source>This role may not sign on.</source>
        <translation>此角色不允许签到。</translation>
    </message>
</context>
<context>
    <name>cs::CardKeys</name>
    <message>
        <source>This terminal does not hold the card key of this database. An administrator installs the database&apos;s card key on this terminal.</source>
        <translation>本终端未安装此数据库的卡密钥。请由管理员在本终端安装该数据库的卡密钥。</translation>
    </message>
    <message>
        <source>The card key of this terminal is not the one this database was set up with. An administrator installs the database&apos;s card key on this terminal.</source>
        <translation>本终端的卡密钥与此数据库建立时所用的卡密钥不一致。请由管理员在本终端安装该数据库的卡密钥。</translation>
    </message>
    <message>
        <source>The key file %1 cannot be used: %2</source>
        <translation>密钥文件 %1 无法使用：%2</translation>
    </message>
    <message>
        <source>it is not a key file</source>
        <translation>不是密钥文件</translation>
    </message>
</context>
<context>
    <name>cs::Cards</name>
    <message>
        <source>Debit card</source>
        <translation>借记卡</translation>
    </message>
    <message>
        <source>Quasi-credit card</source>
        <translation>准贷记卡</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>贷记卡</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>未激活</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Reported lost (oral)</source>
        <translation>口头挂失</translation>
    </message>
    <message>
        <source>Reported lost (written)</source>
        <translation>书面挂失</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已换卡</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已销卡</translation>
    </message>
    <message>
        <source>This card is %1 and accepts no further change.</source>
        <translation>该卡状态为%1，不能再办理任何变更。</translation>
    </message>
    <message>
        <source>The card is reported lost; this is not possible until the report is lifted or the card is replaced.</source>
        <translation>该卡已挂失：解挂或换卡前不能办理此业务。</translation>
    </message>
    <message>
        <source>This is not possible while the card is %1.</source>
        <translation>卡片状态为%1，不能办理此业务。</translation>
    </message>
    <message>
        <source>Only a card not yet activated can be activated.</source>
        <translation>只有未激活的卡才能激活。</translation>
    </message>
    <message>
        <source>The customer sets a PIN before the card is activated.</source>
        <translation>激活前须由客户设置密码。</translation>
    </message>
    <message>
        <source>The card is already reported lost.</source>
        <translation>该卡已挂失。</translation>
    </message>
    <message>
        <source>A written loss report is in force.</source>
        <translation>该卡已办理书面挂失。</translation>
    </message>
    <message>
        <source>A written loss report cannot be lifted; the card is replaced or cancelled.</source>
        <translation>书面挂失不能解挂，只能换卡或销卡。</translation>
    </message>
    <message>
        <source>The card is not reported lost.</source>
        <translation>该卡未挂失。</translation>
    </message>
    <message>
        <source>A card reported lost in writing can be replaced from %1 on.</source>
        <translation>书面挂失的卡自 %1 起方可换卡。</translation>
    </message>
    <message>
        <source>This card already has a PIN; change or reset it instead.</source>
        <translation>该卡已设置密码，请改为修改密码或重置密码。</translation>
    </message>
    <message>
        <source>This card has no PIN yet.</source>
        <translation>该卡尚未设置密码。</translation>
    </message>
    <message>
        <source>A PIN has exactly 6 digits.</source>
        <translation>密码须为 6 位数字。</translation>
    </message>
    <message>
        <source>The two PIN entries differ; enter the PIN again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess (repeated or consecutive digits); choose another.</source>
        <translation>密码过于简单（重复或连续数字），请另设密码。</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <source>OTP token</source>
        <translation>动态令牌</translation>
    </message>
    <message>
        <source>OTP token (trial)</source>
        <translation>试用动态令牌</translation>
    </message>
    <message>
        <source>USB key</source>
        <translation>U盾</translation>
    </message>
    <message>
        <source>The daily online payment limit must be above zero.</source>
        <translation>网上支付日累计限额必须大于零。</translation>
    </message>
    <message>
        <source>With %1 the daily online payment limit is at most ¥%2.</source>
        <translation>使用%1时，网上支付日累计限额最高为 ¥%2。</translation>
    </message>
    <message>
        <source>The daily online payment limit cannot exceed the card&apos;s available credit.</source>
        <translation>网上支付日累计限额不能超过该卡的可用额度。</translation>
    </message>
    <message>
        <source>Online payment is not enabled for this card.</source>
        <translation>该卡未开通网上支付。</translation>
    </message>
    <message>
        <source>This payment would pass the card&apos;s daily online payment limit.</source>
        <translation>本笔支付将超过该卡的网上支付日累计限额。</translation>
    </message>
    <message>
        <source>This payment is above the card&apos;s available credit.</source>
        <translation>本笔支付超过该卡的可用额度。</translation>
    </message>
    <message>
        <source>The stored card number cannot be read with this terminal&apos;s card key.</source>
        <translation>无法用本终端的卡密钥读取已存储的卡号。</translation>
    </message>
    <message>
        <source>A card master key has exactly 32 bytes.</source>
        <translation>卡主密钥须为 32 字节。</translation>
    </message>
    <message>
        <source>The card keys could not be derived.</source>
        <translation>无法派生卡密钥。</translation>
    </message>
    <message>
        <source>No random card key could be made.</source>
        <translation>无法生成随机卡密钥。</translation>
    </message>
    <message>
        <source>The card number could not be encrypted.</source>
        <translation>卡号加密失败。</translation>
    </message>
    <message>
        <source>There is no card %1.</source>
        <translation>卡 %1 不存在。</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>BIN %1 with %2 digits cannot form card numbers; an administrator corrects the card settings.</source>
        <translation>BIN %1 与卡号长度 %2 位无法生成卡号，请由管理员修正卡片参数。</translation>
    </message>
    <message>
        <source>Account %1 is not an open Class I or II personal demand account: a card is issued on the customer&apos;s own settlement account.</source>
        <translation>账户 %1 不是状态正常的 I 类或 II 类个人活期账户：须以客户本人的结算账户发卡。</translation>
    </message>
    <message>
        <source>A debit card has no overdraft or credit limit.</source>
        <translation>借记卡没有透支额度或信用额度。</translation>
    </message>
    <message>
        <source>The limit is an amount in yuan, zero or more.</source>
        <translation>额度须为零或正数，单位为元。</translation>
    </message>
    <message>
        <source>Only a credit card has statement and due days.</source>
        <translation>只有贷记卡才有账单日和还款日。</translation>
    </message>
    <message>
        <source>Statement and due days are days 1 to 28 of the month.</source>
        <translation>账单日和还款日须为每月 1 日至 28 日。</translation>
    </message>
    <message>
        <source>%1 is not a card product: debit, quasi or credit.</source>
        <translation>%1 不是卡产品：须为 debit（借记卡）、quasi（准贷记卡）或 credit（贷记卡）。</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>账户 %1 不存在。</translation>
    </message>
    <message>
        <source>A card is issued only to a customer of 18 or older (full civil capacity).</source>
        <translation>仅向年满 18 周岁（具有完全民事行为能力）的客户发卡。</translation>
    </message>
    <message>
        <source>The customer&apos;s ID is not verified or has expired: check a valid ID first.</source>
        <translation>客户身份证件未经核验或已过期：请先核验有效证件。</translation>
    </message>
    <message>
        <source>The ID presented is not the account holder&apos;s: a card is issued only on the customer&apos;s own ID.</source>
        <translation>出示的证件与账户持有人不符：须凭客户本人证件发卡。</translation>
    </message>
    <message>
        <source>Card issuance fee, %1</source>
        <translation>发卡工本费，%1</translation>
    </message>
    <message>
        <source>The issuance voucher is reprinted only before the card is activated.</source>
        <translation>只有在卡片激活前才能补打发卡凭证。</translation>
    </message>
    <message numerus="yes">
        <source>The PIN is wrong; %n more try(ies) today.</source>
        <translation>
            <numerusform>密码错误，今日还可再试 %n 次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After %n wrong PIN(s) today the PIN is locked until the next business day.</source>
        <translation>
            <numerusform>今日密码已输错 %n 次，密码锁定至下一营业日。</numerusform>
        </translation>
    </message>
    <message>
        <source>A card number has 13 to 19 digits.</source>
        <translation>卡号为 13 至 19 位数字。</translation>
    </message>
    <message>
        <source>No card of this bank has this number.</source>
        <translation>本行无此卡号。</translation>
    </message>
    <message>
        <source>The card account %1 stands at %2: it is settled to zero before the card is cancelled.</source>
        <translation>卡账户 %1 余额为 %2：须结清为零后方可销卡。</translation>
    </message>
    <message>
        <source>The card account %1 is frozen.</source>
        <translation>卡账户 %1 已冻结。</translation>
    </message>
    <message>
        <source>The daily online payment limit is an amount in yuan.</source>
        <translation>网上支付日累计限额须为金额，单位为元。</translation>
    </message>
    <message>
        <source>The amount is a positive amount in yuan.</source>
        <translation>金额须为正数，单位为元。</translation>
    </message>
    <message>
        <source>Another terminal changed card %1 at the same time; try again.</source>
        <translation>其他终端同时修改了卡 %1，请重试。</translation>
    </message>
</context>
<context>
    <name>cs::CashBoxService</name>
    <message>
        <source>Your cash box is not open: open it before handling cash.</source>
        <translation>您的尾箱未领用：请先领用尾箱再办理现金业务。</translation>
    </message>
    <message>
        <source>The amount must be an amount in CNY greater than zero.</source>
        <translation>金额须为大于零的人民币金额。</translation>
    </message>
    <message>
        <source>Moving cash needs a request id of 1 to 58 characters.</source>
        <translation>现金调拨需要 1 至 58 个字符的请求编号。</translation>
    </message>
    <message>
        <source>The vault holds %1, less than %2.</source>
        <translation>金库现有 %1，不足 %2。</translation>
    </message>
    <message>
        <source>Your cash box holds %1, less than %2.</source>
        <translation>您的尾箱现有 %1，不足 %2。</translation>
    </message>
    <message>
        <source>Your cash box is already open (since %1).</source>
        <translation>您的尾箱已经领用（自 %1 起）。</translation>
    </message>
    <message>
        <source>The counted cash must be an amount in CNY, zero or more.</source>
        <translation>清点金额须为零或以上的人民币金额。</translation>
    </message>
    <message>
        <source>Cash has moved in this box since it was counted: count it again.</source>
        <translation>清点后尾箱现金已有变动，请重新清点。</translation>
    </message>
</context>
<context>
    <name>cs::CashService</name>
    <message>
        <source>There is no account %1.</source>
        <translation>账户 %1 不存在。</translation>
    </message>
    <message>
        <source>A cash transaction needs a request id of 1 to 64 characters.</source>
        <translation>现金交易需要 1 至 64 个字符的请求编号。</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>Large-value cash: give the reference of the ID copy.</source>
        <translation>大额现金：请填写身份证件复印件编号。</translation>
    </message>
    <message>
        <source>Large-value cash: give the source of the funds.</source>
        <translation>大额现金：请填写资金来源。</translation>
    </message>
    <message>
        <source>Large-value cash: give the purpose of the withdrawal.</source>
        <translation>大额现金：请填写取款用途。</translation>
    </message>
    <message>
        <source>Give the agent&apos;s ID number with the agent&apos;s name.</source>
        <translation>填写代理人姓名时须同时填写代理人证件号码。</translation>
    </message>
    <message>
        <source>Give the agent&apos;s name with the agent&apos;s ID number.</source>
        <translation>填写代理人证件号码时须同时填写代理人姓名。</translation>
    </message>
    <message>
        <source>Account %1 is an internal account of the branch.</source>
        <translation>账户 %1 是本网点的内部账户。</translation>
    </message>
    <message>
        <source>There is no cash transaction %1.</source>
        <translation>现金交易 %1 不存在。</translation>
    </message>
    <message>
        <source>Your cash box is not open today: open it before handling cash.</source>
        <translation>您今天的尾箱未领用：请先领用尾箱再办理现金业务。</translation>
    </message>
    <message>
        <source>Cash withdrawal waiting for approval %1</source>
        <translation>现金取款待审批（审批编号 %1）</translation>
    </message>
    <message>
        <source>Remote fee</source>
        <translation>异地手续费</translation>
    </message>
</context>
<context>
    <name>cs::ClassLimits</name>
    <message>
        <source>Class II account %1 may take in %2 a day; %3 is left today.</source>
        <translation>II 类账户 %1 每日转入限额 %2；今日剩余 %3。</translation>
    </message>
    <message>
        <source>Class II account %1 may take in %2 a year; %3 is left this year.</source>
        <translation>II 类账户 %1 年累计转入限额 %2；本年剩余 %3。</translation>
    </message>
    <message>
        <source>Class II account %1 may pay out %2 a day; %3 is left today.</source>
        <translation>II 类账户 %1 每日转出限额 %2；今日剩余 %3。</translation>
    </message>
    <message>
        <source>Class II account %1 may pay out %2 a year; %3 is left this year.</source>
        <translation>II 类账户 %1 年累计转出限额 %2；本年剩余 %3。</translation>
    </message>
    <message>
        <source>Account %1 is a Class III account: it takes and pays no cash.</source>
        <translation>账户 %1 为 III 类账户：不得存取现金。</translation>
    </message>
    <message>
        <source>Class III account %1 may hold at most %2; it can take %3 more.</source>
        <translation>III 类账户 %1 余额上限 %2；还可存入 %3。</translation>
    </message>
    <message>
        <source>Class III account %1 may pay out %2 a day; %3 is left today.</source>
        <translation>III 类账户 %1 每日支出限额 %2；今日剩余 %3。</translation>
    </message>
    <message>
        <source>Class III account %1 may pay out %2 a year; %3 is left this year.</source>
        <translation>III 类账户 %1 年累计支出限额 %2；本年剩余 %3。</translation>
    </message>
</context>
<context>
    <name>cs::CustomerService</name>
    <message>
        <source>There is no such customer.</source>
        <translation>没有这个客户。</translation>
    </message>
    <message>
        <source>This ID document already belongs to customer %1.</source>
        <translation>该证件已属于客户 %1。</translation>
    </message>
    <message>
        <source>Enter the birth date shown in the passport.</source>
        <translation>请输入护照上的出生日期。</translation>
    </message>
    <message>
        <source>A birth date before 1900-01-01 is not possible.</source>
        <translation>出生日期不能早于 1900-01-01。</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>出生日期不能是将来的日期。</translation>
    </message>
    <message>
        <source>A passport number has 5 to 20 characters; this one has %1.</source>
        <translation>护照号码为 5 至 20 位，此号码为 %1 位。</translation>
    </message>
    <message>
        <source>A passport number has only letters A-Z and digits.</source>
        <translation>护照号码只能包含字母 A-Z 和数字。</translation>
    </message>
    <message>
        <source>The ID type must be resident, uscc or passport.</source>
        <translation>证件类型必须是 resident（居民身份证）、uscc（统一社会信用代码）或 passport（护照）。</translation>
    </message>
    <message>
        <source>A company is identified by its unified social credit code, a person by a resident ID or a passport.</source>
        <translation>单位客户以统一社会信用代码识别，个人客户以居民身份证或护照识别。</translation>
    </message>
    <message>
        <source>The birth date differs from the one in the resident ID number (%1).</source>
        <translation>出生日期与居民身份证号码中的出生日期（%1）不一致。</translation>
    </message>
    <message>
        <source>A company has no birth date.</source>
        <translation>单位客户没有出生日期。</translation>
    </message>
    <message>
        <source>The ID document expired on %1; ask for a valid one.</source>
        <translation>该证件已于 %1 过期，请客户出示有效证件。</translation>
    </message>
    <message>
        <source>The check character of this unified social credit code does not match. Check the code; if it is right as printed, a supervisor must confirm it.</source>
        <translation>该统一社会信用代码的校验码不符。请核对代码；如与证照所印一致，须由主管确认。</translation>
    </message>
    <message>
        <source>The code must be confirmed by a supervisor other than the one entering the customer.</source>
        <translation>该代码须由录入客户者以外的主管确认。</translation>
    </message>
    <message>
        <source>Only an active supervisor can confirm a unified social credit code that fails its check.</source>
        <translation>只有状态正常的主管才能确认校验不通过的统一社会信用代码。</translation>
    </message>
    <message>
        <source>A phone number has 7 to 15 digits, optionally after a leading +.</source>
        <translation>电话号码为 7 至 15 位数字，可以 + 开头。</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s full name.</source>
        <translation>请输入客户全名。</translation>
    </message>
    <message>
        <source>A name has at most %1 characters.</source>
        <translation>名称最多 %1 个字符。</translation>
    </message>
    <message>
        <source>An address has at most %1 characters.</source>
        <translation>地址最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Nothing to change: the values are the same as before.</source>
        <translation>没有需要修改的内容：各项与原值相同。</translation>
    </message>
    <message>
        <source>Enter an ID number, account number, phone number or part of a name.</source>
        <translation>请输入证件号码、账号、电话号码或部分名称。</translation>
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
    <name>cs::DormancyService</name>
    <message>
        <source>The sweep date %1 is after the business date %2.</source>
        <translation>久悬检查日期 %1 晚于营业日 %2。</translation>
    </message>
    <message>
        <source>Account %1 is not dormant.</source>
        <translation>账户 %1 不是久悬账户。</translation>
    </message>
</context>
<context>
    <name>cs::EndOfDay</name>
    <message>
        <source>There is no such branch.</source>
        <translation>没有该网点。</translation>
    </message>
    <message>
        <source>Another end of day is closing this business day; wait for it to finish.</source>
        <translation>另一个日终处理正在关闭本营业日，请等待其完成。</translation>
    </message>
    <message>
        <source>Check that nothing is open or pending</source>
        <translation>检查无未轧账尾箱及待审批业务</translation>
    </message>
    <message>
        <source>Expire lapsed card loss reports</source>
        <translation>卡片挂失到期失效处理</translation>
    </message>
    <message>
        <source>Accrue demand interest</source>
        <translation>活期存款计息</translation>
    </message>
    <message>
        <source>Mature time deposits</source>
        <translation>定期存款到期处理</translation>
    </message>
    <message>
        <source>Settle merchants</source>
        <translation>商户结算</translation>
    </message>
    <message>
        <source>Large-value transfer reports</source>
        <translation>大额转账交易报告</translation>
    </message>
    <message>
        <source>Queue customer notices</source>
        <translation>生成客户通知</translation>
    </message>
    <message>
        <source>Verify the ledger</source>
        <translation>总账试算平衡</translation>
    </message>
    <message>
        <source>Close the business day</source>
        <translation>关闭营业日</translation>
    </message>
    <message>
        <source>Settle demand interest</source>
        <translation>活期存款结息</translation>
    </message>
    <message>
        <source>Cash box of %1 (%2) is open</source>
        <translation>%1（%2）的尾箱尚未轧账</translation>
    </message>
    <message>
        <source>Approval %1: %2 by %3</source>
        <translation>审批 %1：%2（申请人 %3）</translation>
    </message>
    <message>
        <source>The business day cannot be closed while cash boxes are open or approvals are pending: %1.</source>
        <translation>尚有未轧账的尾箱或待审批业务，不能关闭营业日：%1。</translation>
    </message>
    <message>
        <source>The journal of %1 does not balance in %2: debits and credits differ.</source>
        <translation>%1 的记账流水 %2 借贷不平衡：借方与贷方发生额不等。</translation>
    </message>
    <message>
        <source>The branch&apos;s journal does not balance in %1: debits and credits differ.</source>
        <translation>本网点记账流水 %1 借贷不平衡：借方与贷方发生额不等。</translation>
    </message>
    <message>
        <source>The balance of account %1 (%2) is not the sum of its journal lines (%3).</source>
        <translation>账户 %1（%2）的余额与其分录合计（%3）不符。</translation>
    </message>
    <message>
        <source>Demand interest to %1</source>
        <translation>活期利息（计至 %1）</translation>
    </message>
</context>
<context>
    <name>cs::Interest</name>
    <message>
        <source>An interest rate is zero or more basis points.</source>
        <translation>利率须为不小于零的基点数。</translation>
    </message>
</context>
<context>
    <name>cs::InternalAccounts</name>
    <message>
        <source>There is no such branch.</source>
        <translation>没有该网点。</translation>
    </message>
</context>
<context>
    <name>cs::Merchants</name>
    <message>
        <source>Settlement of merchant %1</source>
        <translation>商户 %1 结算</translation>
    </message>
    <message>
        <source>Merchant fees</source>
        <translation>商户手续费</translation>
    </message>
    <message>
        <source>The merchant&apos;s payments changed while they were being settled; try again.</source>
        <translation>结算过程中该商户的收款发生变动，请重试。</translation>
    </message>
    <message>
        <source>The fee plan is b2b_percent, b2b_fixed or b2c.</source>
        <translation>费率方案须为 b2b_percent、b2b_fixed 或 b2c。</translation>
    </message>
    <message>
        <source>A B2B percent fee is 1 to 100 basis points (0.01% to 1%), without a fixed fee.</source>
        <translation>B2B 按比例手续费为 1 至 100 个基点（0.01% 至 1%），不设固定费用。</translation>
    </message>
    <message>
        <source>A B2C fee is 20 to 30 basis points (0.2% to 0.3%), without a fixed fee.</source>
        <translation>B2C 手续费为 20 至 30 个基点（0.2% 至 0.3%），不设固定费用。</translation>
    </message>
    <message>
        <source>A fixed fee plan has no rate.</source>
        <translation>固定费用方案不设费率。</translation>
    </message>
    <message>
        <source>A fixed fee plan needs a fee in CNY greater than zero.</source>
        <translation>固定费用方案需要一笔大于零的人民币费用。</translation>
    </message>
    <message>
        <source>The settlement cycle is t0_realtime, t0_eod or tn.</source>
        <translation>结算周期须为 t0_realtime、t0_eod 或 tn。</translation>
    </message>
    <message>
        <source>T+N settlement needs N from 1 to 30 days.</source>
        <translation>T+N 结算的 N 须为 1 至 30 天。</translation>
    </message>
    <message>
        <source>Only a T+N cycle takes a number of days.</source>
        <translation>只有 T+N 结算周期才需填写天数。</translation>
    </message>
    <message>
        <source>A merchant transaction needs a request id of 1 to 64 characters.</source>
        <translation>商户交易需要 1 至 64 个字符的请求编号。</translation>
    </message>
    <message>
        <source>An order number is 1 to 32 letters, digits, hyphens or underscores.</source>
        <translation>订单号为 1 至 32 个字母、数字、连字符或下划线。</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>Merchant payments are made in CNY.</source>
        <translation>商户支付以人民币进行。</translation>
    </message>
    <message>
        <source>There is no merchant %1.</source>
        <translation>没有商户 %1。</translation>
    </message>
    <message>
        <source>The merchant has no order %1.</source>
        <translation>该商户没有订单 %1。</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>没有账户 %1。</translation>
    </message>
    <message>
        <source>Account %1 is an internal account of the branch.</source>
        <translation>账户 %1 是网点的内部账户。</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2: merchant payments are made in CNY.</source>
        <translation>账户 %1 以 %2 记账：商户支付以人民币进行。</translation>
    </message>
    <message>
        <source>A merchant&apos;s name is 1 to 60 characters.</source>
        <translation>商户名称为 1 至 60 个字符。</translation>
    </message>
    <message>
        <source>There is no customer %1.</source>
        <translation>没有客户 %1。</translation>
    </message>
    <message>
        <source>%1 is a person: a merchant is a company.</source>
        <translation>%1 是个人：商户须为公司。</translation>
    </message>
    <message>
        <source>Account %1 is not an account of %2.</source>
        <translation>账户 %1 不属于 %2。</translation>
    </message>
    <message>
        <source>Account %1 is closed.</source>
        <translation>账户 %1 已销户。</translation>
    </message>
    <message>
        <source>The payment mode is immediate, delayed or authorised.</source>
        <translation>支付方式须为即时、延时或预授权。</translation>
    </message>
    <message>
        <source>The channel is counter, online or pos.</source>
        <translation>渠道须为柜面、网上或 POS 机。</translation>
    </message>
    <message>
        <source>Give the payer&apos;s account or card, one of them.</source>
        <translation>请填写付款人的账户或卡，二者选一。</translation>
    </message>
    <message>
        <source>Merchant %1 is %2 and takes no payments.</source>
        <translation>商户 %1 处于%2状态，不能收款。</translation>
    </message>
    <message>
        <source>Merchant %1 already has an order %2.</source>
        <translation>商户 %1 已有订单 %2。</translation>
    </message>
    <message>
        <source>The payer&apos;s account is the merchant&apos;s own settlement account.</source>
        <translation>付款账户是该商户自己的结算账户。</translation>
    </message>
    <message>
        <source>Authorised for merchant %1, order %2</source>
        <translation>商户 %1 订单 %2 预授权</translation>
    </message>
    <message>
        <source>Order %1 is %2: only an authorised payment is captured.</source>
        <translation>订单 %1 处于%2状态：只有预授权支付才能完成扣款。</translation>
    </message>
    <message>
        <source>Order %1 was authorised for %2: %3 cannot be captured.</source>
        <translation>订单 %1 的预授权金额为 %2：不能扣款 %3。</translation>
    </message>
    <message>
        <source>Order %1 is %2: nothing was paid that could be refunded.</source>
        <translation>订单 %1 处于%2状态：没有可退的已付款项。</translation>
    </message>
    <message>
        <source>Only %1 of order %2 is left to refund, less than %3.</source>
        <translation>订单 %2 只剩 %1 可退，少于 %3。</translation>
    </message>
    <message>
        <source>Give a period whose start is not after its end.</source>
        <translation>请给出起始日不晚于截止日的期间。</translation>
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
    <name>cs::Notices</name>
    <message>
        <source>The phone must be a mainland mobile number of 11 digits starting with 13 to 19, e.g. 13812345678.</source>
        <translation>手机号须为以 13 至 19 开头的 11 位大陆手机号码，例如 13812345678。</translation>
    </message>
    <message>
        <source>SMS notice package, %1</source>
        <translation>短信通套餐费，%1</translation>
    </message>
    <message>
        <source>The gateway did not answer in time.</source>
        <translation>短信网关未在限定时间内应答。</translation>
    </message>
    <message>
        <source>No SMS gateway is set up: an administrator enters it under Administration, Notices.</source>
        <translation>尚未设置短信网关：请管理员在“系统管理 &gt; 短信通知”中填写。</translation>
    </message>
    <message>
        <source>The SMS gateway must be reached over https (plain http only on this machine).</source>
        <translation>短信网关必须通过 https 访问（仅本机地址可用 http）。</translation>
    </message>
    <message>
        <source>This terminal does not hold the SMS gateway&apos;s password: an administrator enters it under Administration, Notices (the batch reads COUNTERSIGN_SMS_GATEWAY_PASSWORD).</source>
        <translation>本终端没有短信网关的密码：请管理员在“系统管理 &gt; 短信通知”中填写（批处理从 COUNTERSIGN_SMS_GATEWAY_PASSWORD 读取）。</translation>
    </message>
    <message>
        <source>The SMS gateway refused this terminal&apos;s account or password.</source>
        <translation>短信网关拒绝了本终端的账号或密码。</translation>
    </message>
    <message>
        <source>A subscription change needs a request id of 1 to 64 characters.</source>
        <translation>变更订阅需要 1 至 64 个字符的请求编号。</translation>
    </message>
    <message>
        <source>Account %1 has no active notice subscription.</source>
        <translation>账户 %1 没有有效的短信通知订阅。</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>没有账户 %1。</translation>
    </message>
    <message>
        <source>Account %1 is closed or not a customer&apos;s account: it takes no notices.</source>
        <translation>账户 %1 已销户或不是客户账户：不能订阅短信通知。</translation>
    </message>
    <message>
        <source>Notices are sent in Chinese (zh_CN) or English (en).</source>
        <translation>短信通知以中文（zh_CN）或英文（en）发送。</translation>
    </message>
    <message>
        <source>Choose at least one kind of notice: account movements or time deposit maturities.</source>
        <translation>请至少选择一种通知：账户变动或定期存款到期。</translation>
    </message>
    <message>
        <source>The balance is sent with movement notices: choose movements to include it.</source>
        <translation>余额随账户变动通知发送：请选择账户变动通知后再包含余额。</translation>
    </message>
    <message>
        <source>The fee plan is free or package.</source>
        <translation>收费方式须为免费或套餐。</translation>
    </message>
    <message>
        <source>The subscription was changed at another terminal; try again.</source>
        <translation>该订阅已在其他终端被修改，请重试。</translation>
    </message>
    <message>
        <source>The notice package has no fee set (notice.package_monthly_fee): choose the free plan.</source>
        <translation>短信通套餐未设置月费（notice.package_monthly_fee）：请选择免费方式。</translation>
    </message>
    <message>
        <source>Account %1&apos;s notices are free: there is no package to confirm.</source>
        <translation>账户 %1 的短信通知为免费：没有需要确认的套餐。</translation>
    </message>
    <message>
        <source>The customer confirmed this package on %1.</source>
        <translation>客户已于 %1 确认该套餐。</translation>
    </message>
    <message>
        <source>There is no notice %1.</source>
        <translation>没有通知 %1。</translation>
    </message>
    <message>
        <source>Notice %1 is %2: only a dead notice is retried.</source>
        <translation>通知 %1 处于 %2 状态：只有已放弃的通知才能重发。</translation>
    </message>
    <message>
        <source>The notice changed at another terminal; try again.</source>
        <translation>该通知已在其他终端被修改，请重试。</translation>
    </message>
    <message>
        <source>The gateway URL must start with https:// (plain http:// only for 127.0.0.1 or localhost) and hold no user name or password.</source>
        <translation>网关地址必须以 https:// 开头（仅 127.0.0.1 或 localhost 可用 http://），且不得包含用户名或密码。</translation>
    </message>
    <message>
        <source>The gateway account is 1 to 64 characters.</source>
        <translation>网关账号为 1 至 64 个字符。</translation>
    </message>
    <message>
        <source>The signature (the bank&apos;s name in every message) is 1 to 20 characters.</source>
        <translation>短信签名（每条短信中的银行名称）为 1 至 20 个字符。</translation>
    </message>
</context>
<context>
    <name>cs::NotificationListener</name>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>This database does not notify other terminals.</source>
        <translation>此数据库不支持向其他终端推送变更通知。</translation>
    </message>
    <message>
        <source>Cannot listen for changes on %1: %2</source>
        <translation>无法监听 %1 上的变更：%2</translation>
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
    <name>cs::Permissions</name>
    <message>
        <source>A %1 may not %2.</source>
        <translation>%1无权%2。</translation>
    </message>
    <message>
        <source>sign on</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>change their password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>see the staff list</source>
        <translation>查看操作员列表</translation>
    </message>
    <message>
        <source>add staff</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <source>disable staff</source>
        <translation>停用操作员</translation>
    </message>
    <message>
        <source>enable staff</source>
        <translation>启用操作员</translation>
    </message>
    <message>
        <source>unlock staff</source>
        <translation>解锁操作员</translation>
    </message>
    <message>
        <source>reset a staff password</source>
        <translation>重置操作员密码</translation>
    </message>
    <message>
        <source>change a staff role</source>
        <translation>变更操作员角色</translation>
    </message>
    <message>
        <source>read the settings</source>
        <translation>查看参数</translation>
    </message>
    <message>
        <source>change a setting</source>
        <translation>修改参数</translation>
    </message>
    <message>
        <source>manage products</source>
        <translation>管理产品</translation>
    </message>
    <message>
        <source>manage merchants</source>
        <translation>管理商户</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>查阅审计记录</translation>
    </message>
    <message>
        <source>verify the audit trail</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>read reports</source>
        <translation>查阅报表</translation>
    </message>
    <message>
        <source>look up customers</source>
        <translation>查询客户</translation>
    </message>
    <message>
        <source>add a customer</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>edit a customer</source>
        <translation>修改客户信息</translation>
    </message>
    <message>
        <source>look up accounts</source>
        <translation>查询账户</translation>
    </message>
    <message>
        <source>open an account</source>
        <translation>开立账户</translation>
    </message>
    <message>
        <source>freeze an account</source>
        <translation>冻结账户</translation>
    </message>
    <message>
        <source>unfreeze an account</source>
        <translation>解冻账户</translation>
    </message>
    <message>
        <source>close an account</source>
        <translation>销户</translation>
    </message>
    <message>
        <source>take a cash deposit</source>
        <translation>办理现金存款</translation>
    </message>
    <message>
        <source>pay out a cash withdrawal</source>
        <translation>办理现金取款</translation>
    </message>
    <message>
        <source>open a cash box</source>
        <translation>领用尾箱</translation>
    </message>
    <message>
        <source>count a cash box</source>
        <translation>清点尾箱</translation>
    </message>
    <message>
        <source>close a cash box</source>
        <translation>上缴尾箱</translation>
    </message>
    <message>
        <source>enter a transfer</source>
        <translation>录入转账</translation>
    </message>
    <message>
        <source>request a reversal</source>
        <translation>申请冲正</translation>
    </message>
    <message>
        <source>issue a card</source>
        <translation>发卡</translation>
    </message>
    <message>
        <source>service a card</source>
        <translation>办理卡片业务</translation>
    </message>
    <message>
        <source>see approvals</source>
        <translation>查看审批</translation>
    </message>
    <message>
        <source>cancel an approval</source>
        <translation>撤销审批申请</translation>
    </message>
    <message>
        <source>approve or reject</source>
        <translation>审批通过或拒绝</translation>
    </message>
    <message>
        <source>close the business day</source>
        <translation>办理日终</translation>
    </message>
    <message>
        <source>reactivate a dormant account</source>
        <translation>激活久悬账户</translation>
    </message>
    <message>
        <source>mark dormant accounts</source>
        <translation>标记久悬账户</translation>
    </message>
    <message>
        <source>move cash between a cash box and the vault</source>
        <translation>在尾箱与金库之间调拨现金</translation>
    </message>
    <message>
        <source>see transfers</source>
        <translation>查看转账</translation>
    </message>
    <message>
        <source>record the clearing network&apos;s answer</source>
        <translation>登记清算系统回执</translation>
    </message>
    <message>
        <source>send queued clearing items</source>
        <translation>发送排队的清算业务</translation>
    </message>
    <message>
        <source>expire pending approvals</source>
        <translation>对待审批业务作过期处理</translation>
    </message>
    <message>
        <source>take merchant payments, captures and refunds</source>
        <translation>办理商户收款、预授权完成和退款</translation>
    </message>
    <message>
        <source>see merchants and their settlements</source>
        <translation>查看商户及其结算</translation>
    </message>
    <message>
        <source>read their own teller journal and cash box balancing</source>
        <translation>查阅本人的柜员流水和尾箱轧账报表</translation>
    </message>
    <message>
        <source>place a time deposit</source>
        <translation>存入定期存款</translation>
    </message>
    <message>
        <source>withdraw a time deposit early</source>
        <translation>办理定期存款提前支取</translation>
    </message>
    <message>
        <source>set up the SMS gateway and retry dead notices</source>
        <translation>设置短信网关并重发已放弃的通知</translation>
    </message>
    <message>
        <source>see notice subscriptions and the notice outbox</source>
        <translation>查看短信通知订阅和待发通知</translation>
    </message>
    <message>
        <source>send the notice outbox to the SMS gateway</source>
        <translation>将待发通知发送至短信网关</translation>
    </message>
    <message>
        <source>subscribe customers to SMS notices</source>
        <translation>为客户办理短信通知</translation>
    </message>
</context>
<context>
    <name>cs::PostingEngine</name>
    <message>
        <source>A posting needs a request id of 1 to 64 characters.</source>
        <translation>记账需要 1 至 64 个字符的请求编号。</translation>
    </message>
    <message>
        <source>The kind of this posting is missing or malformed.</source>
        <translation>记账类型缺失或格式不正确。</translation>
    </message>
    <message>
        <source>A posting needs at least two lines.</source>
        <translation>一笔记账至少需要两条分录。</translation>
    </message>
    <message>
        <source>Each posting line is a debit (D) or a credit (C).</source>
        <translation>每条分录必须为借方（D）或贷方（C）。</translation>
    </message>
    <message>
        <source>Every amount of a posting must be greater than zero.</source>
        <translation>记账的每笔金额都必须大于零。</translation>
    </message>
    <message>
        <source>Debits and credits in %1 differ by %2: the posting does not balance.</source>
        <translation>%1 借贷相差 %2：借贷不平衡。</translation>
    </message>
    <message>
        <source>There is no account with the id %1.</source>
        <translation>不存在编号为 %1 的账户。</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2, not in %3.</source>
        <translation>账户 %1 的币种为 %2，而不是 %3。</translation>
    </message>
    <message>
        <source>Account %1 is closed.</source>
        <translation>账户 %1 已销户。</translation>
    </message>
    <message>
        <source>Account %1 is dormant: reactivate it before posting to it.</source>
        <translation>账户 %1 为久悬账户：请先激活再记账。</translation>
    </message>
    <message>
        <source>Account %1 is frozen: nothing may be paid in or out.</source>
        <translation>账户 %1 已全额冻结：不得收付。</translation>
    </message>
    <message>
        <source>Account %1 is frozen for debits: nothing may be paid out of it.</source>
        <translation>账户 %1 已冻结借方（只收不付）：不得支出。</translation>
    </message>
    <message>
        <source>Account %1 is frozen for credits: nothing may be paid into it.</source>
        <translation>账户 %1 已冻结贷方（只付不收）：不得存入。</translation>
    </message>
    <message>
        <source>Insufficient funds: account %1 has %2 available, less than %3.</source>
        <translation>余额不足：账户 %1 可用余额 %2，少于 %3。</translation>
    </message>
    <message>
        <source>The cash in %1 (%2) does not cover %3.</source>
        <translation>%1 的现金（%2）不足 %3。</translation>
    </message>
    <message>
        <source>This request id was already used for another posting.</source>
        <translation>该请求编号已用于另一笔记账。</translation>
    </message>
    <message>
        <source>There is no such branch.</source>
        <translation>没有该网点。</translation>
    </message>
    <message>
        <source>The branch&apos;s business date is %1, not %2: sign on again.</source>
        <translation>网点营业日期为 %1，而不是 %2：请重新签到。</translation>
    </message>
    <message>
        <source>The amounts are too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>There is no hold %1.</source>
        <translation>没有止付 %1。</translation>
    </message>
    <message>
        <source>Hold %1 is no longer active.</source>
        <translation>止付 %1 已失效。</translation>
    </message>
    <message>
        <source>Hold %1 is not on an account of this posting.</source>
        <translation>止付 %1 不在本笔记账的账户上。</translation>
    </message>
    <message>
        <source>Transaction %1 has already been reversed.</source>
        <translation>交易 %1 已被冲正。</translation>
    </message>
    <message>
        <source>Another terminal posted the same request at the same moment; try again.</source>
        <translation>另一终端同时提交了同一请求，请重试。</translation>
    </message>
    <message>
        <source>There is no transaction %1.</source>
        <translation>没有交易 %1。</translation>
    </message>
    <message>
        <source>Transaction %1 is itself a reversal and cannot be reversed.</source>
        <translation>交易 %1 本身是冲正交易，不能再冲正。</translation>
    </message>
    <message>
        <source>A hold needs a request id of 1 to 64 characters.</source>
        <translation>止付需要 1 至 64 个字符的请求编号。</translation>
    </message>
    <message>
        <source>A hold must be greater than zero.</source>
        <translation>止付金额必须大于零。</translation>
    </message>
    <message>
        <source>Give the reason for the hold.</source>
        <translation>请填写止付原因。</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>没有该账户。</translation>
    </message>
    <message>
        <source>This request id was already used for another hold.</source>
        <translation>该请求编号已用于另一笔止付。</translation>
    </message>
    <message>
        <source>Holds are placed on customer accounts only.</source>
        <translation>只能对客户账户止付。</translation>
    </message>
    <message>
        <source>Account %1 is closed or dormant: no hold can be placed on it.</source>
        <translation>账户 %1 已销户或久悬：不能止付。</translation>
    </message>
</context>
<context>
    <name>cs::Reports</name>
    <message>
        <source>Approval</source>
        <translation>审批编号</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>营业日期</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>经办时间</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>审批时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Approvals: %1 (%2).</source>
        <translation>审批：%1 笔（%2）。</translation>
    </message>
    <message>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录号</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Records: %1, refused: %2.</source>
        <translation>记录：%1 条，其中被拒绝：%2 条。</translation>
    </message>
    <message>
        <source>Search: %1.</source>
        <translation>查询条件：%1。</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>保管方</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>期初</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>现金收入</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>现金付出</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>期末</translation>
    </message>
    <message>
        <source>Cash at the end of the period</source>
        <translation>期末现金</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>金库</translation>
    </message>
    <message>
        <source>Cash box of %1 (%2)</source>
        <translation>%1（%2）的尾箱</translation>
    </message>
    <message>
        <source>Cash in the branch at the end of %1: %2.</source>
        <translation>截至 %1 日终，网点现金合计：%2。</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易号</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>分录序号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>交易类型</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>借方</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>贷方</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Transactions: %1, lines: %2.</source>
        <translation>交易：%1 笔，分录：%2 条。</translation>
    </message>
    <message>
        <source>Debits equal credits: %1.</source>
        <translation>借贷平衡：%1。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易笔数</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>退还</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Net fee income</source>
        <translation>手续费净收入</translation>
    </message>
    <message>
        <source>Net fee income: %1.</source>
        <translation>手续费净收入：%1。</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Postings</source>
        <translation>入账笔数</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Interest by product</source>
        <translation>各产品利息</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>Interest paid: %1.</source>
        <translation>利息支出：%1。</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Person&apos;s transfer</source>
        <translation>个人转账</translation>
    </message>
    <message>
        <source>Company transfer</source>
        <translation>单位转账</translation>
    </message>
    <message>
        <source>Cross-border transfer</source>
        <translation>跨境转账</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>报告标准</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>收付方向</translation>
    </message>
    <message>
        <source>Day total</source>
        <translation>当日累计</translation>
    </message>
    <message>
        <source>in</source>
        <translation>收</translation>
    </message>
    <message>
        <source>out</source>
        <translation>付</translation>
    </message>
    <message>
        <source>Entries: %1. Each is reported within 5 working days.</source>
        <translation>共 %1 条。每条须在 5 个工作日内报送。</translation>
    </message>
    <message>
        <source>Entries in other currencies, not listed here: %1.</source>
        <translation>其他币种记录（未在此列出）：%1 条。</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户编号</translation>
    </message>
    <message>
        <source>Settlements</source>
        <translation>结算笔数</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收款笔数</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>收款总额</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Net settled</source>
        <translation>结算净额</translation>
    </message>
    <message>
        <source>Gross %1 - fees %2 - refunds %3 = net %4.</source>
        <translation>收款总额 %1 - 手续费 %2 - 退款 %3 = 结算净额 %4。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Cash deposit</source>
        <translation>现金存款</translation>
    </message>
    <message>
        <source>Cash withdrawal</source>
        <translation>现金取款</translation>
    </message>
    <message>
        <source>Cash from the vault</source>
        <translation>金库领取现金</translation>
    </message>
    <message>
        <source>Cash to the vault</source>
        <translation>现金上缴金库</translation>
    </message>
    <message>
        <source>Cash delivery to the vault</source>
        <translation>现金调入金库</translation>
    </message>
    <message>
        <source>Cash over</source>
        <translation>尾箱长款</translation>
    </message>
    <message>
        <source>Cash short</source>
        <translation>尾箱短款</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Interbank transfer</source>
        <translation>跨行转账</translation>
    </message>
    <message>
        <source>Card fee</source>
        <translation>卡片手续费</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Merchant payment</source>
        <translation>商户收款</translation>
    </message>
    <message>
        <source>Merchant refund</source>
        <translation>商户退款</translation>
    </message>
    <message>
        <source>Merchant settlement</source>
        <translation>商户结算</translation>
    </message>
    <message>
        <source>Time deposit maturity</source>
        <translation>定期存款到期</translation>
    </message>
    <message>
        <source>Early withdrawal of a time deposit</source>
        <translation>定期存款提前支取</translation>
    </message>
    <message>
        <source>Teller cash boxes</source>
        <translation>柜员尾箱</translation>
    </message>
    <message>
        <source>Fee income</source>
        <translation>手续费收入</translation>
    </message>
    <message>
        <source>Interest expense</source>
        <translation>利息支出</translation>
    </message>
    <message>
        <source>Suspense payable (cash overs)</source>
        <translation>待处理长款（其他应付）</translation>
    </message>
    <message>
        <source>Suspense receivable (cash shorts)</source>
        <translation>待处理短款（其他应收）</translation>
    </message>
    <message>
        <source>Clearing</source>
        <translation>清算往来</translation>
    </message>
    <message>
        <source>Owed to merchants</source>
        <translation>应付商户结算款</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Teller journal</source>
        <translation>柜员流水</translation>
    </message>
    <message>
        <source>A teller&apos;s postings of the day, with the cash in and out of the box.</source>
        <translation>柜员当日的记账流水，以及尾箱现金收付情况。</translation>
    </message>
    <message>
        <source>Cash box balancing</source>
        <translation>尾箱轧账</translation>
    </message>
    <message>
        <source>Opening + in - out = closing, against the count: overs and shorts per teller.</source>
        <translation>期初 + 收入 - 付出 = 期末，与实点金额核对：按柜员列示长短款。</translation>
    </message>
    <message>
        <source>Branch cash position</source>
        <translation>网点现金头寸</translation>
    </message>
    <message>
        <source>Cash in the vault and the teller cash boxes.</source>
        <translation>金库及各柜员尾箱中的现金。</translation>
    </message>
    <message>
        <source>Daily journal</source>
        <translation>日记账</translation>
    </message>
    <message>
        <source>Every journal line of the period with its account, debit and credit.</source>
        <translation>本期全部记账分录，含账号、借方和贷方金额。</translation>
    </message>
    <message>
        <source>Trial balance</source>
        <translation>总账试算平衡表</translation>
    </message>
    <message>
        <source>Opening balance, debits, credits and closing balance per ledger group.</source>
        <translation>按科目组列示期初余额、借方发生额、贷方发生额和期末余额。</translation>
    </message>
    <message>
        <source>Gross, fees, refunds and net settled per merchant.</source>
        <translation>按商户列示收款总额、手续费、退款和结算净额。</translation>
    </message>
    <message>
        <source>Fees taken and given back, by kind of transaction.</source>
        <translation>按交易类型列示收取和退还的手续费。</translation>
    </message>
    <message>
        <source>Interest paid</source>
        <translation>利息支出</translation>
    </message>
    <message>
        <source>Interest credited to customers, per account and product.</source>
        <translation>按账户和产品列示支付给客户的利息。</translation>
    </message>
    <message>
        <source>Large-value transactions</source>
        <translation>大额交易</translation>
    </message>
    <message>
        <source>Transactions at or above the large-value thresholds, for the PBOC report.</source>
        <translation>达到或超过大额标准的交易，用于向中国人民银行报送大额交易报告。</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Pending and decided approvals with maker, checker and times.</source>
        <translation>待审批和已审批的业务，含经办人、审批人及相应时间。</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Audit records of the period, found by entity, action or staff.</source>
        <translation>本期审计记录，可按对象、操作或操作员查询。</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Merchant payments counted and summed by channel, payment mode or account type over days, months or years.</source>
        <translation>按渠道、支付方式或账户类型，按日、月或年统计商户收款笔数和金额。</translation>
    </message>
    <message>
        <source>A teller may run the teller journal and cash box balancing for themselves only.</source>
        <translation>柜员只能查询本人的柜员流水和尾箱轧账报表。</translation>
    </message>
    <message>
        <source>There is no staff member %1 at this branch.</source>
        <translation>本网点没有操作员 %1。</translation>
    </message>
    <message>
        <source>There is no report %1.</source>
        <translation>没有报表 %1。</translation>
    </message>
    <message>
        <source>Choose the first day of the period.</source>
        <translation>请选择起始日期。</translation>
    </message>
    <message>
        <source>The period ends before it begins (%1 to %2).</source>
        <translation>截止日期早于起始日期（%1 至 %2）。</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>柜面</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>POS</source>
        <translation>POS 机</translation>
    </message>
    <message>
        <source>Immediate</source>
        <translation>即时支付</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>延时结算</translation>
    </message>
    <message>
        <source>Authorised</source>
        <translation>预授权</translation>
    </message>
    <message>
        <source>Debit card</source>
        <translation>借记卡</translation>
    </message>
    <message>
        <source>Quasi-credit card</source>
        <translation>准贷记卡</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>贷记卡</translation>
    </message>
    <message>
        <source>Demand account</source>
        <translation>活期账户</translation>
    </message>
    <message>
        <source>Corporate account</source>
        <translation>单位结算账户</translation>
    </message>
    <message>
        <source>Time deposit</source>
        <translation>定期存款</translation>
    </message>
    <message>
        <source>The granularity is day, month or year.</source>
        <translation>统计周期须为 day（日）、month（月）或 year（年）。</translation>
    </message>
    <message>
        <source>The dimension is channel, mode or account_type.</source>
        <translation>统计维度须为 channel（渠道）、mode（支付方式）或 account_type（账户类型）。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Payment mode</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>账户类型</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Merchant payments by %1 per %2, voided authorisations left out.</source>
        <translation>商户收款按%1统计，统计周期：%2；不含已撤销的预授权。</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Closing (expected)</source>
        <translation>期末（应有）</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>长款</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>短款</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已轧账</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未轧账</translation>
    </message>
    <message>
        <source>Opening + in - out = closing: %1 + %2 - %3 = %4.</source>
        <translation>期初 + 收入 - 付出 = 期末：%1 + %2 - %3 = %4。</translation>
    </message>
    <message>
        <source>Overs %1 to suspense payable, shorts %2 to suspense receivable, never netted.</source>
        <translation>长款 %1 记入待处理长款（其他应付），短款 %2 记入待处理短款（其他应收），长短款不得轧差抵销。</translation>
    </message>
    <message>
        <source>Sessions: %1, not balanced: %2, still open: %3.</source>
        <translation>尾箱：%1 个，账实不符：%2 个，尚未轧账：%3 个。</translation>
    </message>
    <message>
        <source>reverses %1</source>
        <translation>冲正交易 %1</translation>
    </message>
    <message>
        <source>reversed by %1</source>
        <translation>已被交易 %1 冲正</translation>
    </message>
    <message>
        <source>Transactions: %1 (reversed later: %2).</source>
        <translation>交易：%1 笔（其中事后被冲正：%2 笔）。</translation>
    </message>
    <message>
        <source>Net cash into the box: %1.</source>
        <translation>尾箱现金净收入：%1。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>科目组</translation>
    </message>
    <message>
        <source>Opening debit</source>
        <translation>期初借方余额</translation>
    </message>
    <message>
        <source>Opening credit</source>
        <translation>期初贷方余额</translation>
    </message>
    <message>
        <source>Debits</source>
        <translation>借方发生额</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>贷方发生额</translation>
    </message>
    <message>
        <source>Closing debit</source>
        <translation>期末借方余额</translation>
    </message>
    <message>
        <source>Closing credit</source>
        <translation>期末贷方余额</translation>
    </message>
    <message>
        <source>Balanced: %1.</source>
        <translation>试算平衡：%1。</translation>
    </message>
    <message>
        <source>Debits %1, credits %2 in the period.</source>
        <translation>本期借方发生额 %1，贷方发生额 %2。</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>SMS notice package fee</source>
        <translation>短信通套餐费</translation>
    </message>
</context>
<context>
    <name>cs::ResidentId</name>
    <message>
        <source>A resident ID number has 18 characters; this one has %1.</source>
        <translation>居民身份证号码为 18 位，此号码为 %1 位。</translation>
    </message>
    <message>
        <source>A resident ID number has 17 digits followed by a digit or X.</source>
        <translation>居民身份证号码由 17 位数字加一位数字或 X 组成。</translation>
    </message>
    <message>
        <source>The birth date in the resident ID number (%1) is not a possible date.</source>
        <translation>居民身份证号码中的出生日期（%1）不是有效日期。</translation>
    </message>
    <message>
        <source>The birth date in the resident ID number (%1) is in the future.</source>
        <translation>居民身份证号码中的出生日期（%1）晚于今天。</translation>
    </message>
    <message>
        <source>The check character of the resident ID number does not match; check the number for a typing error.</source>
        <translation>居民身份证号码的校验码不符，请检查是否输错。</translation>
    </message>
</context>
<context>
    <name>cs::ReversalService</name>
    <message>
        <source>Transaction %1 was posted by another branch: that branch reverses it.</source>
        <translation>交易 %1 由其他网点记账，应由该网点冲正。</translation>
    </message>
    <message>
        <source>Cash transaction %1 was posted on %2: cash is reversed only on its business day.</source>
        <translation>现金交易 %1 记账于 %2：现金交易只能在其营业日当天冲正。</translation>
    </message>
    <message>
        <source>The cash box of transaction %1 has been closed since: the cash can no longer be reversed.</source>
        <translation>交易 %1 所属尾箱已轧账关闭：该笔现金不能再冲正。</translation>
    </message>
    <message>
        <source>Give the reason for the reversal.</source>
        <translation>请填写冲正原因。</translation>
    </message>
    <message>
        <source>A reversal needs a request id.</source>
        <translation>冲正需要请求编号。</translation>
    </message>
    <message>
        <source>Name the transaction to reverse by its number.</source>
        <translation>请用交易号指明要冲正的交易。</translation>
    </message>
    <message>
        <source>There is no transaction %1.</source>
        <translation>交易 %1 不存在。</translation>
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
    <name>cs::SecretStore</name>
    <message>
        <source>A secret needs a non-empty name.</source>
        <translation>密钥名称不能为空。</translation>
    </message>
    <message>
        <source>No secret is stored under “%1”.</source>
        <translation>“%1”下没有保存任何密钥。</translation>
    </message>
</context>
<context>
    <name>cs::ServiceCall</name>
    <message>
        <source>This request id was already used for another action.</source>
        <translation>此请求编号已用于另一项操作。</translation>
    </message>
</context>
<context>
    <name>cs::Settings</name>
    <message>
        <source>There is no setting %1.</source>
        <translation>没有参数 %1。</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1必须在 %2 至 %3 之间。</translation>
    </message>
    <message>
        <source>%1 must be a time of day as HH:MM, e.g. 17:15.</source>
        <translation>%1必须是 HH:MM 格式的时刻，例如 17:15。</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1必须是 %2 至 %3 之间的整数。</translation>
    </message>
    <message>
        <source>Teller limit per transaction</source>
        <translation>柜员单笔权限</translation>
    </message>
    <message>
        <source>A teller pays out or transfers up to this amount alone; above it a supervisor approves.</source>
        <translation>柜员可独立办理不超过此金额的付款或转账；超过须经主管审批。</translation>
    </message>
    <message>
        <source>Supervisor approval limit</source>
        <translation>主管审批权限</translation>
    </message>
    <message>
        <source>The largest amount a supervisor may approve.</source>
        <translation>主管可审批的最高金额。</translation>
    </message>
    <message>
        <source>Blind re-key from</source>
        <translation>盲录复核起点</translation>
    </message>
    <message>
        <source>From this amount the checker types the amount again without seeing it.</source>
        <translation>达到此金额时，复核人须在看不到原金额的情况下重新录入金额。</translation>
    </message>
    <message>
        <source>Large-value cash threshold</source>
        <translation>大额现金标准</translation>
    </message>
    <message>
        <source>Cash per customer per day at or above this is reported as large-value.</source>
        <translation>客户当日现金达到或超过此金额时报送大额交易报告。</translation>
    </message>
    <message>
        <source>BEPS credit limit</source>
        <translation>小额支付贷记限额</translation>
    </message>
    <message>
        <source>Interbank credits above this go through HVPS.</source>
        <translation>超过此金额的跨行贷记走大额支付系统。</translation>
    </message>
    <message>
        <source>HVPS cut-off</source>
        <translation>大额支付截止时间</translation>
    </message>
    <message>
        <source>After this time HVPS instructions wait for the next window.</source>
        <translation>此时间之后的大额支付指令顺延至下一营业窗口。</translation>
    </message>
    <message>
        <source>Class II daily inflow</source>
        <translation>Ⅱ类户日累计转入限额</translation>
    </message>
    <message>
        <source>Credits from non-bound accounts and cash deposits per day.</source>
        <translation>每日来自非绑定账户的转入及现金存入。</translation>
    </message>
    <message>
        <source>Class II yearly inflow</source>
        <translation>Ⅱ类户年累计转入限额</translation>
    </message>
    <message>
        <source>Credits from non-bound accounts and cash deposits per year.</source>
        <translation>每年来自非绑定账户的转入及现金存入。</translation>
    </message>
    <message>
        <source>Class II daily outflow</source>
        <translation>Ⅱ类户日累计转出限额</translation>
    </message>
    <message>
        <source>Payments, transfers to non-bound accounts and cash per day.</source>
        <translation>每日消费缴费、向非绑定账户转出及取现。</translation>
    </message>
    <message>
        <source>Class II yearly outflow</source>
        <translation>Ⅱ类户年累计转出限额</translation>
    </message>
    <message>
        <source>Payments, transfers to non-bound accounts and cash per year.</source>
        <translation>每年消费缴费、向非绑定账户转出及取现。</translation>
    </message>
    <message>
        <source>Class III balance cap</source>
        <translation>Ⅲ类户余额上限</translation>
    </message>
    <message>
        <source>A Class III account never holds more than this.</source>
        <translation>Ⅲ类户余额不得超过此金额。</translation>
    </message>
    <message>
        <source>Class III daily outflow</source>
        <translation>Ⅲ类户日累计支付限额</translation>
    </message>
    <message>
        <source>Payments out of a Class III account per day.</source>
        <translation>Ⅲ类户每日对外支付。</translation>
    </message>
    <message>
        <source>Class III yearly outflow</source>
        <translation>Ⅲ类户年累计支付限额</translation>
    </message>
    <message>
        <source>Payments out of a Class III account per year.</source>
        <translation>Ⅲ类户每年对外支付。</translation>
    </message>
    <message>
        <source>Oral loss report lapses after</source>
        <translation>口头挂失有效期</translation>
    </message>
    <message>
        <source>Days an oral loss report stands without a written one.</source>
        <translation>口头挂失在未补办书面挂失时保持有效的天数。</translation>
    </message>
    <message>
        <source>Replacement after written loss report</source>
        <translation>书面挂失后补卡等待期</translation>
    </message>
    <message>
        <source>Days from a written loss report to the replacement card.</source>
        <translation>自书面挂失至补发新卡的天数。</translation>
    </message>
    <message>
        <source>Wrong passwords before lockout</source>
        <translation>密码错误锁定次数</translation>
    </message>
    <message>
        <source>After this many wrong passwords in a row the staff member is locked until an administrator unlocks.</source>
        <translation>连续输错密码达到此次数后，操作员被锁定，须由管理员解锁。</translation>
    </message>
    <message>
        <source>Idle lock after (minutes)</source>
        <translation>空闲锁屏时间（分钟）</translation>
    </message>
    <message>
        <source>An idle terminal locks after this many minutes; 0 never locks.</source>
        <translation>终端空闲达到此分钟数后锁屏；0 表示不锁屏。</translation>
    </message>
    <message>
        <source>Minimum password length</source>
        <translation>密码最短长度</translation>
    </message>
    <message>
        <source>Staff passwords have at least this many characters.</source>
        <translation>操作员密码至少包含此数量的字符。</translation>
    </message>
    <message>
        <source>The setting %1 is not a number.</source>
        <translation>参数 %1 不是数字。</translation>
    </message>
    <message>
        <source>Dormant after (days)</source>
        <translation>久悬期限（天）</translation>
    </message>
    <message>
        <source>A customer demand account without a customer movement for this many days becomes dormant.</source>
        <translation>客户活期账户连续这么多天无客户发生额即转为久悬账户。</translation>
    </message>
    <message>
        <source>Approval for freezes</source>
        <translation>冻结须审批</translation>
    </message>
    <message>
        <source>1: a freeze waits for a supervisor&apos;s approval; 0: done at once.</source>
        <translation>1：冻结须经主管审批；0：立即办理。</translation>
    </message>
    <message>
        <source>Approval for unfreezes</source>
        <translation>解冻须审批</translation>
    </message>
    <message>
        <source>1: lifting a freeze waits for a supervisor&apos;s approval; 0: done at once.</source>
        <translation>1：解冻须经主管审批；0：立即办理。</translation>
    </message>
    <message>
        <source>Approval for closures</source>
        <translation>销户须审批</translation>
    </message>
    <message>
        <source>1: closing an account waits for a supervisor&apos;s approval; 0: done at once.</source>
        <translation>1：销户须经主管审批；0：立即办理。</translation>
    </message>
    <message>
        <source>Approval for reversals</source>
        <translation>冲正须审批</translation>
    </message>
    <message>
        <source>1: a teller&apos;s reversal waits for a supervisor&apos;s approval; 0: done at once.</source>
        <translation>1：柜员发起的冲正须经主管审批；0：立即办理。</translation>
    </message>
    <message>
        <source>Approval for cash over/short</source>
        <translation>尾箱长短款须审批</translation>
    </message>
    <message>
        <source>1: booking a cash box over or short waits for a supervisor&apos;s approval.</source>
        <translation>1：尾箱长短款入账须经主管审批。</translation>
    </message>
    <message>
        <source>Approval for fee waivers</source>
        <translation>减免手续费须审批</translation>
    </message>
    <message>
        <source>1: waiving a fee waits for a supervisor&apos;s approval.</source>
        <translation>1：减免手续费须经主管审批。</translation>
    </message>
    <message>
        <source>Approval for card replacement</source>
        <translation>补换卡须审批</translation>
    </message>
    <message>
        <source>1: replacing a card waits for a supervisor&apos;s approval.</source>
        <translation>1：补换卡须经主管审批。</translation>
    </message>
    <message>
        <source>Approval for interbank transfers</source>
        <translation>跨行转账须审批</translation>
    </message>
    <message>
        <source>1: every interbank transfer waits for a supervisor&apos;s approval.</source>
        <translation>1：每笔跨行转账均须经主管审批。</translation>
    </message>
    <message>
        <source>HVPS opens</source>
        <translation>大额支付开始时间</translation>
    </message>
    <message>
        <source>HVPS takes instructions from this time on business days; before it they wait.</source>
        <translation>营业日自此时间起大额实时支付系统受理支付指令；此前的指令排队等待。</translation>
    </message>
    <message>
        <source>IBPS enabled</source>
        <translation>启用网上支付跨行清算系统</translation>
    </message>
    <message>
        <source>1: a customer may ask for IBPS (real time, 7x24); 0: it is not offered.</source>
        <translation>1：客户可选择网上支付跨行清算系统（实时，7×24 小时）；0：不提供。</translation>
    </message>
    <message>
        <source>IBPS limit</source>
        <translation>网上支付跨行清算限额</translation>
    </message>
    <message>
        <source>The largest transfer sent through IBPS.</source>
        <translation>经网上支付跨行清算系统发送的单笔转账最高金额。</translation>
    </message>
    <message>
        <source>Counter transfers per account per day</source>
        <translation>单账户柜面日累计转出限额</translation>
    </message>
    <message>
        <source>What one account may transfer out at the counter in a business day.</source>
        <translation>单个账户每个营业日在柜面可转出的最高金额。</translation>
    </message>
    <message>
        <source>Intra-bank transfer fee</source>
        <translation>行内转账手续费</translation>
    </message>
    <message>
        <source>The fee of a transfer to an account of this bank.</source>
        <translation>转入本行账户的转账手续费。</translation>
    </message>
    <message>
        <source>Interbank fee tier 1 up to</source>
        <translation>跨行手续费第一档上限</translation>
    </message>
    <message>
        <source>Interbank transfers up to this amount pay the tier 1 fee.</source>
        <translation>不超过此金额的跨行转账按第一档收取手续费。</translation>
    </message>
    <message>
        <source>Interbank fee tier 1</source>
        <translation>跨行手续费第一档</translation>
    </message>
    <message>
        <source>The fee of an interbank transfer in tier 1.</source>
        <translation>第一档跨行转账的手续费。</translation>
    </message>
    <message>
        <source>Interbank fee tier 2 up to</source>
        <translation>跨行手续费第二档上限</translation>
    </message>
    <message>
        <source>Interbank transfers up to this amount pay the tier 2 fee.</source>
        <translation>不超过此金额的跨行转账按第二档收取手续费。</translation>
    </message>
    <message>
        <source>Interbank fee tier 2</source>
        <translation>跨行手续费第二档</translation>
    </message>
    <message>
        <source>The fee of an interbank transfer in tier 2.</source>
        <translation>第二档跨行转账的手续费。</translation>
    </message>
    <message>
        <source>Interbank fee tier 3 up to</source>
        <translation>跨行手续费第三档上限</translation>
    </message>
    <message>
        <source>Interbank transfers up to this amount pay the tier 3 fee.</source>
        <translation>不超过此金额的跨行转账按第三档收取手续费。</translation>
    </message>
    <message>
        <source>Interbank fee tier 3</source>
        <translation>跨行手续费第三档</translation>
    </message>
    <message>
        <source>The fee of an interbank transfer in tier 3.</source>
        <translation>第三档跨行转账的手续费。</translation>
    </message>
    <message>
        <source>Interbank fee tier 4 up to</source>
        <translation>跨行手续费第四档上限</translation>
    </message>
    <message>
        <source>Interbank transfers up to this amount pay the tier 4 fee.</source>
        <translation>不超过此金额的跨行转账按第四档收取手续费。</translation>
    </message>
    <message>
        <source>Interbank fee tier 4</source>
        <translation>跨行手续费第四档</translation>
    </message>
    <message>
        <source>The fee of an interbank transfer in tier 4.</source>
        <translation>第四档跨行转账的手续费。</translation>
    </message>
    <message>
        <source>Interbank fee above tier 4 (per million)</source>
        <translation>超过第四档的跨行手续费率（百万分之）</translation>
    </message>
    <message>
        <source>Above tier 4 the fee is this many millionths of the amount (20 = 0.002%), rounded half up.</source>
        <translation>超过第四档的，手续费按金额的百万分之此数计收（20 即 0.002%），四舍五入。</translation>
    </message>
    <message>
        <source>Interbank fee at most</source>
        <translation>跨行手续费上限</translation>
    </message>
    <message>
        <source>The largest fee of one interbank transfer.</source>
        <translation>单笔跨行转账手续费的最高金额。</translation>
    </message>
    <message>
        <source>Approval for PIN resets</source>
        <translation>重置密码须审批</translation>
    </message>
    <message>
        <source>1: resetting a card&apos;s PIN waits for a supervisor&apos;s approval.</source>
        <translation>1：重置卡密码须经主管审批。</translation>
    </message>
    <message>
        <source>BIN of the debit card</source>
        <translation>借记卡发卡行识别码（BIN）</translation>
    </message>
    <message>
        <source>The first digits (6 to 8) of every debit card number the bank issues.</source>
        <translation>本行所发借记卡卡号的前几位数字（6 至 8 位）。</translation>
    </message>
    <message>
        <source>BIN of the quasi-credit card</source>
        <translation>准贷记卡发卡行识别码（BIN）</translation>
    </message>
    <message>
        <source>The first digits (6 to 8) of every quasi-credit card number the bank issues.</source>
        <translation>本行所发准贷记卡卡号的前几位数字（6 至 8 位）。</translation>
    </message>
    <message>
        <source>BIN of the credit card</source>
        <translation>贷记卡发卡行识别码（BIN）</translation>
    </message>
    <message>
        <source>The first digits (6 to 8) of every credit card number the bank issues.</source>
        <translation>本行所发贷记卡卡号的前几位数字（6 至 8 位）。</translation>
    </message>
    <message>
        <source>Card number length, debit card</source>
        <translation>借记卡卡号长度</translation>
    </message>
    <message>
        <source>Digits of a debit card number, the check digit included (16 to 19).</source>
        <translation>借记卡卡号位数，含校验位（16 至 19 位）。</translation>
    </message>
    <message>
        <source>Card number length, quasi-credit card</source>
        <translation>准贷记卡卡号长度</translation>
    </message>
    <message>
        <source>Digits of a quasi-credit card number, the check digit included (16 to 19).</source>
        <translation>准贷记卡卡号位数，含校验位（16 至 19 位）。</translation>
    </message>
    <message>
        <source>Card number length, credit card</source>
        <translation>贷记卡卡号长度</translation>
    </message>
    <message>
        <source>Digits of a credit card number, the check digit included (16 to 19).</source>
        <translation>贷记卡卡号位数，含校验位（16 至 19 位）。</translation>
    </message>
    <message>
        <source>Validity of a debit card (years)</source>
        <translation>借记卡有效期（年）</translation>
    </message>
    <message>
        <source>A debit card expires at the end of the month this many years after issuance.</source>
        <translation>借记卡自发卡起满此年数的当月月末到期。</translation>
    </message>
    <message>
        <source>Validity of a quasi-credit card (years)</source>
        <translation>准贷记卡有效期（年）</translation>
    </message>
    <message>
        <source>A quasi-credit card expires at the end of the month this many years after issuance.</source>
        <translation>准贷记卡自发卡起满此年数的当月月末到期。</translation>
    </message>
    <message>
        <source>Validity of a credit card (years)</source>
        <translation>贷记卡有效期（年）</translation>
    </message>
    <message>
        <source>A credit card expires at the end of the month this many years after issuance.</source>
        <translation>贷记卡自发卡起满此年数的当月月末到期。</translation>
    </message>
    <message>
        <source>Issuance fee, debit card</source>
        <translation>借记卡工本费</translation>
    </message>
    <message>
        <source>Charged to the settlement account when a debit card is issued; 0: none.</source>
        <translation>发借记卡时从结算账户扣收；0：不收取。</translation>
    </message>
    <message>
        <source>Issuance fee, quasi-credit card</source>
        <translation>准贷记卡工本费</translation>
    </message>
    <message>
        <source>Charged to the settlement account when a quasi-credit card is issued; 0: none.</source>
        <translation>发准贷记卡时从结算账户扣收；0：不收取。</translation>
    </message>
    <message>
        <source>Issuance fee, credit card</source>
        <translation>贷记卡工本费</translation>
    </message>
    <message>
        <source>Charged to the settlement account when a credit card is issued; 0: none.</source>
        <translation>发贷记卡时从结算账户扣收；0：不收取。</translation>
    </message>
    <message>
        <source>Annual fee, debit card</source>
        <translation>借记卡年费</translation>
    </message>
    <message>
        <source>The yearly fee of a debit card; 0: none.</source>
        <translation>借记卡每年收取的年费；0：不收取。</translation>
    </message>
    <message>
        <source>Annual fee, quasi-credit card</source>
        <translation>准贷记卡年费</translation>
    </message>
    <message>
        <source>The yearly fee of a quasi-credit card; 0: none.</source>
        <translation>准贷记卡每年收取的年费；0：不收取。</translation>
    </message>
    <message>
        <source>Annual fee, credit card</source>
        <translation>贷记卡年费</translation>
    </message>
    <message>
        <source>The yearly fee of a credit card; 0: none.</source>
        <translation>贷记卡每年收取的年费；0：不收取。</translation>
    </message>
    <message>
        <source>Quasi-credit overdraft, default</source>
        <translation>准贷记卡默认透支额度</translation>
    </message>
    <message>
        <source>The overdraft limit of a new quasi-credit card unless the teller enters another.</source>
        <translation>新发准贷记卡的透支额度，柜员另行录入的除外。</translation>
    </message>
    <message>
        <source>Credit limit, default</source>
        <translation>贷记卡默认信用额度</translation>
    </message>
    <message>
        <source>The credit limit of a new credit card unless the teller enters another.</source>
        <translation>新发贷记卡的信用额度，柜员另行录入的除外。</translation>
    </message>
    <message>
        <source>Credit card statement day</source>
        <translation>贷记卡账单日</translation>
    </message>
    <message>
        <source>The day of the month a credit card&apos;s statement is made, unless chosen at issuance.</source>
        <translation>贷记卡每月出具账单的日期，发卡时另行选择的除外。</translation>
    </message>
    <message>
        <source>Credit card due day</source>
        <translation>贷记卡还款日</translation>
    </message>
    <message>
        <source>The day of the month a credit card&apos;s statement is due, unless chosen at issuance.</source>
        <translation>贷记卡每月账单的到期还款日，发卡时另行选择的除外。</translation>
    </message>
    <message>
        <source>Remote cash free below</source>
        <translation>异地存取现免费额度</translation>
    </message>
    <message>
        <source>Remote (other city) cash deposits and withdrawals are free while the day&apos;s total stays under this.</source>
        <translation>异地（其他城市）存取现金当日累计低于此金额时免收手续费。</translation>
    </message>
    <message>
        <source>Remote cash fee (per million)</source>
        <translation>异地存取现手续费率（百万分之）</translation>
    </message>
    <message>
        <source>Above the free amount each remote cash transaction pays this many millionths of it (100 = 0.01%), rounded half up.</source>
        <translation>超过免费额度的，每笔异地现金交易按金额的百万分之此数收取手续费（100 即 0.01%），四舍五入。</translation>
    </message>
    <message>
        <source>Remote cash fee at most</source>
        <translation>异地存取现手续费上限</translation>
    </message>
    <message>
        <source>The largest remote cash fee of one transaction.</source>
        <translation>单笔异地现金交易手续费的最高金额。</translation>
    </message>
    <message>
        <source>Online payment ceiling, SMS code</source>
        <translation>网上支付限额上限（短信验证码）</translation>
    </message>
    <message>
        <source>The highest daily online payment limit a customer verifying by SMS code may choose.</source>
        <translation>使用短信验证码验证的客户可选择的最高网上支付日累计限额。</translation>
    </message>
    <message>
        <source>Online payment ceiling, OTP token</source>
        <translation>网上支付限额上限（动态令牌）</translation>
    </message>
    <message>
        <source>The highest daily online payment limit a customer verifying by OTP token may choose.</source>
        <translation>使用动态令牌验证的客户可选择的最高网上支付日累计限额。</translation>
    </message>
    <message>
        <source>Online payment ceiling, trial OTP token</source>
        <translation>网上支付限额上限（试用动态令牌）</translation>
    </message>
    <message>
        <source>The highest daily online payment limit a customer verifying by trial OTP token may choose.</source>
        <translation>使用试用动态令牌验证的客户可选择的最高网上支付日累计限额。</translation>
    </message>
    <message>
        <source>Online payment ceiling, USB key</source>
        <translation>网上支付限额上限（U盾）</translation>
    </message>
    <message>
        <source>The highest daily online payment limit a customer verifying by USB key may choose.</source>
        <translation>使用 U盾验证的客户可选择的最高网上支付日累计限额。</translation>
    </message>
    <message>
        <source>Wrong PINs before the lock</source>
        <translation>卡密码错误锁定次数</translation>
    </message>
    <message>
        <source>After this many wrong PINs in a business day the card&apos;s PIN is locked until the next business day.</source>
        <translation>一个营业日内卡密码输错达到此次数后，密码锁定至下一营业日。</translation>
    </message>
    <message>
        <source>Merchant B2B fee (basis points)</source>
        <translation>商户 B2B 手续费率（基点）</translation>
    </message>
    <message>
        <source>The fee of a new B2B percent contract in hundredths of a percent (10 = 0.1%), rounded half up per payment.</source>
        <translation>新签 B2B 按比例计费合同的手续费率，单位为万分之一（10 即 0.1%），每笔收款四舍五入。</translation>
    </message>
    <message>
        <source>Merchant B2B fixed fee</source>
        <translation>商户 B2B 固定手续费</translation>
    </message>
    <message>
        <source>The fee per payment of a new B2B fixed-fee contract.</source>
        <translation>新签 B2B 固定收费合同每笔收款的手续费。</translation>
    </message>
    <message>
        <source>Merchant B2C fee (basis points)</source>
        <translation>商户 B2C 手续费率（基点）</translation>
    </message>
    <message>
        <source>The fee of a new B2C contract in hundredths of a percent, 20 to 30 (0.2% to 0.3%), rounded half up per payment.</source>
        <translation>新签 B2C 合同的手续费率，单位为万分之一，取值 20 至 30（0.2% 至 0.3%），每笔收款四舍五入。</translation>
    </message>
    <message>
        <source>Demand deposit rate (bp)</source>
        <translation>活期存款利率（基点）</translation>
    </message>
    <message>
        <source>Annual demand deposit rate in basis points (35 = 0.35%): daily accrual, quarterly settlement, early withdrawals and time after maturity.</source>
        <translation>活期存款年利率，单位为基点（35 即 0.35%）：用于按日计息、按季结息，以及提前支取和到期后逾期部分的计息。</translation>
    </message>
    <message>
        <source>Time deposit rate, 3 months (bp)</source>
        <translation>整存整取三个月利率（基点）</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 3-month time deposit when it is placed or rolled over.</source>
        <translation>三个月整存整取的年利率，单位为基点，于存入或转存时确定。</translation>
    </message>
    <message>
        <source>Time deposit rate, 6 months (bp)</source>
        <translation>整存整取六个月利率（基点）</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 6-month time deposit when it is placed or rolled over.</source>
        <translation>六个月整存整取的年利率，单位为基点，于存入或转存时确定。</translation>
    </message>
    <message>
        <source>Time deposit rate, 1 year (bp)</source>
        <translation>整存整取一年利率（基点）</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 1-year time deposit when it is placed or rolled over.</source>
        <translation>一年期整存整取的年利率，单位为基点，于存入或转存时确定。</translation>
    </message>
    <message>
        <source>Time deposit rate, 2 years (bp)</source>
        <translation>整存整取二年利率（基点）</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 2-year time deposit when it is placed or rolled over.</source>
        <translation>二年期整存整取的年利率，单位为基点，于存入或转存时确定。</translation>
    </message>
    <message>
        <source>Time deposit rate, 3 years (bp)</source>
        <translation>整存整取三年利率（基点）</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 3-year time deposit when it is placed or rolled over.</source>
        <translation>三年期整存整取的年利率，单位为基点，于存入或转存时确定。</translation>
    </message>
    <message>
        <source>Time deposit rate, 5 years (bp)</source>
        <translation>整存整取五年利率（基点）</translation>
    </message>
    <message>
        <source>Annual rate in basis points fixed for a 5-year time deposit when it is placed or rolled over.</source>
        <translation>五年期整存整取的年利率，单位为基点，于存入或转存时确定。</translation>
    </message>
    <message>
        <source>Time deposit minimum</source>
        <translation>定期存款起存金额</translation>
    </message>
    <message>
        <source>The smallest principal of a time deposit, and what a partial early withdrawal must leave.</source>
        <translation>定期存款的最低本金，也是部分提前支取后须留存的最低金额。</translation>
    </message>
    <message>
        <source>Large-value transfers, persons</source>
        <translation>大额转账标准（个人）</translation>
    </message>
    <message>
        <source>A person&apos;s transfers per day and direction at or above this are reported as large-value at end of day.</source>
        <translation>个人客户当日同一方向转账累计达到或超过此金额的，于日终报送大额交易报告。</translation>
    </message>
    <message>
        <source>Large-value transfers, companies</source>
        <translation>大额转账标准（单位）</translation>
    </message>
    <message>
        <source>A company&apos;s transfers per day and direction at or above this are reported as large-value at end of day.</source>
        <translation>单位客户当日同一方向转账累计达到或超过此金额的，于日终报送大额交易报告。</translation>
    </message>
    <message>
        <source>SMS gateway timeout (seconds)</source>
        <translation>短信网关超时（秒）</translation>
    </message>
    <message>
        <source>An SMS gateway that has not answered within this many seconds is taken as failed, and the notice is tried again later.</source>
        <translation>短信网关在此秒数内未应答即视为失败，该通知稍后重发。</translation>
    </message>
    <message>
        <source>SMS attempts before dead letter</source>
        <translation>放弃前的短信发送次数</translation>
    </message>
    <message>
        <source>A notice that failed this many times is set aside as dead until an administrator retries it.</source>
        <translation>失败达到此次数的通知将被搁置为已放弃，直到管理员重发。</translation>
    </message>
    <message>
        <source>SMS retry wait, first (seconds)</source>
        <translation>短信重发首次等待（秒）</translation>
    </message>
    <message>
        <source>The wait after a notice&apos;s first failure, doubled after each further one, with random jitter.</source>
        <translation>通知首次失败后的等待时间，此后每失败一次加倍，并加入随机抖动。</translation>
    </message>
    <message>
        <source>SMS retry wait, longest (seconds)</source>
        <translation>短信重发最长等待（秒）</translation>
    </message>
    <message>
        <source>The longest wait between two attempts of a notice.</source>
        <translation>同一通知两次发送之间的最长等待时间。</translation>
    </message>
    <message>
        <source>SMS notices per claim</source>
        <translation>每次领取的短信通知数</translation>
    </message>
    <message>
        <source>How many due notices a sender takes at a time; other senders take the rest.</source>
        <translation>一个发送端每次领取的到期通知数量；其余由其他发送端领取。</translation>
    </message>
    <message>
        <source>Notice time zone (minutes from UTC)</source>
        <translation>通知时区（相对 UTC 的分钟数）</translation>
    </message>
    <message>
        <source>The times in SMS notices are shown this many minutes ahead of UTC (China: 480).</source>
        <translation>短信通知中的时间按比 UTC 早此分钟数显示（中国：480）。</translation>
    </message>
    <message>
        <source>Notice package, monthly fee</source>
        <translation>短信通套餐月费</translation>
    </message>
    <message>
        <source>The monthly fee of a new paid notice package, due only after its trial and the customer&apos;s confirmation.</source>
        <translation>新办理的收费短信通套餐的月费，仅在试用期结束且客户确认后收取。</translation>
    </message>
    <message>
        <source>Notice package trial (days)</source>
        <translation>短信通套餐试用期（天）</translation>
    </message>
    <message>
        <source>A new paid notice package is free for this many days, and after them until the customer confirms it.</source>
        <translation>新办理的收费短信通套餐在此天数内免费，期满后直到客户确认前仍免费。</translation>
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
    <message>
        <source>The database does not allow this terminal&apos;s role to %1: %2</source>
        <translation>数据库不允许本终端的角色执行 %1：%2</translation>
    </message>
</context>
<context>
    <name>cs::StaffService</name>
    <message>
        <source>There is no such staff member.</source>
        <translation>没有该操作员。</translation>
    </message>
    <message>
        <source>Administrators cannot change their own account; ask another administrator.</source>
        <translation>管理员不能修改自己的账号，请由其他管理员办理。</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n character(s).</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The password must not contain the login.</source>
        <translation>密码不得包含登录名。</translation>
    </message>
    <message>
        <source>The password must not be one character repeated.</source>
        <translation>密码不得由同一个字符重复组成。</translation>
    </message>
    <message>
        <source>A login has 3 to 32 characters: a letter first, then letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>登录名为 3 至 32 个字符：以字母开头，其后为字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <source>Enter the staff member&apos;s full name.</source>
        <translation>请输入操作员姓名。</translation>
    </message>
    <message>
        <source>This login is already taken.</source>
        <translation>该登录名已被占用。</translation>
    </message>
    <message>
        <source>There is no such branch.</source>
        <translation>没有该网点。</translation>
    </message>
    <message>
        <source>Give the reason for disabling.</source>
        <translation>请填写停用原因。</translation>
    </message>
    <message>
        <source>This staff member is already disabled.</source>
        <translation>该操作员已停用。</translation>
    </message>
    <message>
        <source>Only a disabled staff member can be enabled.</source>
        <translation>只有已停用的操作员才能启用。</translation>
    </message>
    <message>
        <source>Only a locked staff member can be unlocked.</source>
        <translation>只有已锁定的操作员才能解锁。</translation>
    </message>
    <message>
        <source>The staff member already has this role.</source>
        <translation>该操作员已是此角色。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>新密码必须与当前密码不同。</translation>
    </message>
</context>
<context>
    <name>cs::TimeDeposits</name>
    <message>
        <source>There is no account %1.</source>
        <translation>账号 %1 不存在。</translation>
    </message>
    <message>
        <source>A time deposit transaction needs a request id of 1 to 64 characters.</source>
        <translation>定期存款交易需要 1 至 64 个字符的请求编号。</translation>
    </message>
    <message>
        <source>The payout account must be an open Class I demand or corporate account of the same customer.</source>
        <translation>本息转入账户必须是同一客户名下状态正常的 I 类活期账户或单位结算账户。</translation>
    </message>
    <message>
        <source>The customer has no open Class I demand or corporate account for the payout: name one.</source>
        <translation>该客户没有可用于转入本息的正常 I 类活期账户或单位结算账户：请指定本息转入账户。</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>No time deposit was placed into account %1.</source>
        <translation>账户 %1 尚未存入定期存款。</translation>
    </message>
    <message>
        <source>Time deposit %1 is closed.</source>
        <translation>定期存款 %1 已销户。</translation>
    </message>
    <message>
        <source>Say where the principal comes from: another account of the customer, or cash.</source>
        <translation>请指明本金来源：客户本人的其他账户或现金。</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>Account %1 is not a time deposit account.</source>
        <translation>账户 %1 不是定期存款账户。</translation>
    </message>
    <message>
        <source>The principal of this time deposit was placed before.</source>
        <translation>该定期存款的本金已经存入。</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2.</source>
        <translation>账户 %1 的币种为 %2。</translation>
    </message>
    <message>
        <source>A time deposit is at least %1.</source>
        <translation>定期存款起存金额为 %1。</translation>
    </message>
    <message>
        <source>The principal comes from a demand or corporate account of the same customer.</source>
        <translation>本金须来自同一客户名下的活期账户或单位结算账户。</translation>
    </message>
    <message>
        <source>The deposit holds %1; no more can be taken.</source>
        <translation>该笔存款余额为 %1，不能再多支取。</translation>
    </message>
    <message>
        <source>The deposit has matured: it is paid out whole, not in part.</source>
        <translation>该笔存款已到期：只能全部支取，不能部分支取。</translation>
    </message>
    <message>
        <source>Time deposit paid out at maturity</source>
        <translation>定期存款到期支取</translation>
    </message>
    <message>
        <source>The one partial early withdrawal of this deposit was made before; only the whole deposit can be withdrawn now.</source>
        <translation>该笔存款已办理过一次部分提前支取，现在只能全部支取。</translation>
    </message>
    <message>
        <source>What is left must be at least %1: withdraw the whole deposit instead.</source>
        <translation>留存金额不得低于 %1：请改为全部支取。</translation>
    </message>
    <message>
        <source>Partial early withdrawal of a time deposit</source>
        <translation>定期存款部分提前支取</translation>
    </message>
    <message>
        <source>Early withdrawal of a time deposit</source>
        <translation>定期存款提前支取</translation>
    </message>
    <message>
        <source>Time deposit interest, rolled over</source>
        <translation>定期存款利息转存</translation>
    </message>
</context>
<context>
    <name>cs::TransferService</name>
    <message>
        <source>There is no account %1.</source>
        <translation>账户 %1 不存在。</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账编号</translation>
    </message>
    <message>
        <source>Payer&apos;s account</source>
        <translation>付款人账号</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人户名</translation>
    </message>
    <message>
        <source>Payee&apos;s bank code</source>
        <translation>收款行行号</translation>
    </message>
    <message>
        <source>Payee&apos;s account</source>
        <translation>收款人账号</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>收款人户名</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Amount in words</source>
        <translation>金额（大写）</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Fee waived</source>
        <translation>减免手续费</translation>
    </message>
    <message>
        <source>Network (at entry)</source>
        <translation>汇路（录入时）</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>附言</translation>
    </message>
    <message>
        <source>There is no transfer %1.</source>
        <translation>转账 %1 不存在。</translation>
    </message>
    <message>
        <source>Account %1 is closed.</source>
        <translation>账户 %1 已销户。</translation>
    </message>
    <message>
        <source>Account %1 is dormant: reactivate it before paying from it.</source>
        <translation>账户 %1 为久悬账户：请先激活再转出。</translation>
    </message>
    <message>
        <source>Account %1 is frozen: nothing may be paid out of it.</source>
        <translation>账户 %1 已冻结：不得转出。</translation>
    </message>
    <message>
        <source>Account %1 is dormant: it takes no transfer until reactivated.</source>
        <translation>账户 %1 为久悬账户：激活前不得转入。</translation>
    </message>
    <message>
        <source>Account %1 is frozen: nothing may be paid into it.</source>
        <translation>账户 %1 已冻结：不得转入。</translation>
    </message>
    <message>
        <source>Insufficient funds: account %1 has %2 available, less than the amount and fee %3.</source>
        <translation>余额不足：账户 %1 可用余额 %2，少于转账金额与手续费合计 %3。</translation>
    </message>
    <message>
        <source>Intra-bank transfer</source>
        <translation>行内转账</translation>
    </message>
    <message>
        <source>HVPS (large-value real-time)</source>
        <translation>大额实时支付系统（HVPS）</translation>
    </message>
    <message>
        <source>BEPS (bulk electronic)</source>
        <translation>小额批量支付系统（BEPS）</translation>
    </message>
    <message>
        <source>IBPS (online real-time)</source>
        <translation>网上支付跨行清算系统（IBPS）</translation>
    </message>
    <message>
        <source>A transfer needs a request id of 1 to 64 characters.</source>
        <translation>转账需要 1 至 64 个字符的请求编号。</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>The remarks are limited to 256 characters.</source>
        <translation>附言最多 256 个字符。</translation>
    </message>
    <message>
        <source>Give the payee&apos;s account.</source>
        <translation>请填写收款人账号。</translation>
    </message>
    <message>
        <source>%1 is not a bank code: 12 digits with a valid check digit.</source>
        <translation>%1 不是有效的行号：行号为 12 位数字，末位为校验位。</translation>
    </message>
    <message>
        <source>The payee&apos;s account is 1 to 32 letters, digits or hyphens.</source>
        <translation>收款人账号为 1 至 32 位字母、数字或连字符。</translation>
    </message>
    <message>
        <source>The payee&apos;s name is 1 to 60 characters.</source>
        <translation>收款人户名为 1 至 60 个字符。</translation>
    </message>
    <message>
        <source>Account %1 is an internal account of the branch.</source>
        <translation>账户 %1 是网点内部账户。</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2, not in %3.</source>
        <translation>账户 %1 的币种为 %2，而不是 %3。</translation>
    </message>
    <message>
        <source>The payee&apos;s account is the payer&apos;s own account.</source>
        <translation>收款人账号与付款人账号相同。</translation>
    </message>
    <message>
        <source>Account %1 is kept in %2, account %3 in %4: a transfer stays in one currency.</source>
        <translation>账户 %1 的币种为 %2，账户 %3 的币种为 %4：转账双方币种须一致。</translation>
    </message>
    <message>
        <source>Interbank transfers are made in CNY; account %1 is kept in %2.</source>
        <translation>跨行转账仅限人民币；账户 %1 的币种为 %2。</translation>
    </message>
    <message>
        <source>Account %1 may transfer %2 a day at the counter; %3 is left today.</source>
        <translation>账户 %1 柜面每日转出限额 %2；今日剩余 %3。</translation>
    </message>
    <message>
        <source>Transfer %1 waiting for approval</source>
        <translation>转账 %1 待审批</translation>
    </message>
    <message>
        <source>Give the reason the clearing network rejected the transfer.</source>
        <translation>请填写清算系统拒绝该笔转账的原因。</translation>
    </message>
    <message>
        <source>The reason is limited to 256 characters.</source>
        <translation>原因最多 256 个字符。</translation>
    </message>
    <message>
        <source>Transfer %1 is no longer waiting for approval.</source>
        <translation>转账 %1 已不在待审批状态。</translation>
    </message>
    <message>
        <source>Transfer %1 is not an interbank transfer sent to the clearing network: there is nothing to acknowledge.</source>
        <translation>转账 %1 不是已发往清算系统的跨行转账，无需确认回执。</translation>
    </message>
</context>
<context>
    <name>cs::Uscc</name>
    <message>
        <source>A unified social credit code has 18 characters; this one has %1.</source>
        <translation>统一社会信用代码为 18 位，此代码为 %1 位。</translation>
    </message>
    <message>
        <source>A unified social credit code uses only digits and the letters A-Y without I, O, Z, S and V.</source>
        <translation>统一社会信用代码只能使用数字和字母 A-Y（不含 I、O、Z、S、V）。</translation>
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
    <message>
        <source>The audit trail is broken at %1: %2</source>
        <translation>审计链在 %1 处断裂：%2</translation>
    </message>
    <message>
        <source>(admin) add, list, unlock, disable, enable staff; reset a password; set a role</source>
        <translation>（管理员）添加、列出、解锁、停用、启用操作员；重置密码；设置角色</translation>
    </message>
    <message>
        <source>(admin) get, set or list settings; every change is audited</source>
        <translation>（管理员）读取、设置或列出参数；每次修改均记入审计</translation>
    </message>
    <message>
        <source>check the audit chains; exit 3 naming the first bad record</source>
        <translation>校验审计链；发现问题时以退出码 3 指出第一条异常记录</translation>
    </message>
    <message>
        <source>The option --%1 is required.</source>
        <translation>必须提供选项 --%1。</translation>
    </message>
    <message>
        <source>Name the acting staff with --as LOGIN.</source>
        <translation>请用 --as 登录名 指定操作员。</translation>
    </message>
    <message>
        <source>Put the password of --as in COUNTERSIGN_PASSWORD.</source>
        <translation>请将 --as 操作员的密码放入 COUNTERSIGN_PASSWORD。</translation>
    </message>
    <message>
        <source>This password must be changed at the terminal before the staff member can act.</source>
        <translation>该操作员须先在终端上修改密码，才能办理业务。</translation>
    </message>
    <message>
        <source>The role must be teller, supervisor, auditor or admin.</source>
        <translation>角色必须是 teller、supervisor、auditor 或 admin。</translation>
    </message>
    <message>
        <source>Put the new staff password in COUNTERSIGN_NEW_PASSWORD.</source>
        <translation>请将新操作员的密码放入 COUNTERSIGN_NEW_PASSWORD。</translation>
    </message>
    <message>
        <source>There is no staff member %1.</source>
        <translation>没有操作员 %1。</translation>
    </message>
    <message>
        <source>Unknown command: staff %1 (add, list, unlock, disable, enable, reset-password, set-role).</source>
        <translation>未知命令：staff %1（可用 add、list、unlock、disable、enable、reset-password、set-role）。</translation>
    </message>
    <message>
        <source>Unknown command: setting %1 (get, set, list).</source>
        <translation>未知命令：setting %1（可用 get、set、list）。</translation>
    </message>
    <message>
        <source>The option --%1 needs a date as YYYY-MM-DD.</source>
        <translation>选项 --%1 需要 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>The option --%1 needs a positive whole number.</source>
        <translation>选项 --%1 需要一个正整数。</translation>
    </message>
    <message>
        <source>The mode must be full, debit or credit.</source>
        <translation>冻结方式必须为 full（全额）、debit（只收不付）或 credit（只付不收）。</translation>
    </message>
    <message>
        <source>add, find, show or edit customers</source>
        <translation>添加、查找、查看或修改客户</translation>
    </message>
    <message>
        <source>Put the password of --confirm-as in COUNTERSIGN_CONFIRM_PASSWORD.</source>
        <translation>请将 --confirm-as 所指人员的密码放在 COUNTERSIGN_CONFIRM_PASSWORD 中。</translation>
    </message>
    <message>
        <source>Unknown command: customer %1 (add, find, show, edit).</source>
        <translation>未知命令：customer %1（可用 add、find、show、edit）。</translation>
    </message>
    <message>
        <source>The option --limit needs a number from 1 to %1.</source>
        <translation>选项 --limit 需要 1 到 %1 之间的数字。</translation>
    </message>
    <message>
        <source>Unknown command: account %1 (open, show, statement, freeze, unfreeze, close, hold, release, reactivate, dormancy-sweep).</source>
        <translation>未知命令：account %1（open、show、statement、freeze、unfreeze、close、hold、release、reactivate、dormancy-sweep）。</translation>
    </message>
    <message>
        <source>Unknown command: %1 %2 (%3).</source>
        <translation>未知命令：%1 %2（%3）。</translation>
    </message>
    <message>
        <source>open, show, freeze, unfreeze, close, reactivate accounts; holds; statements; dormancy sweep</source>
        <translation>开户、查询、冻结、解冻、销户、激活账户；止付；对账单；久悬检查</translation>
    </message>
    <message>
        <source>cash deposit or withdrawal through the acting teller&apos;s cash box</source>
        <translation>通过当前柜员尾箱办理现金存取款</translation>
    </message>
    <message>
        <source>open, take from or return to the vault, count, close or show the teller&apos;s cash box</source>
        <translation>柜员尾箱：开箱、向金库领取或上缴现金、清点、轧账关箱、查看</translation>
    </message>
    <message>
        <source>enter, preview, list or show transfers; acknowledge clearing items; send queued HVPS items</source>
        <translation>录入、预览、列出或查看转账；登记清算回执；发送排队的大额支付业务</translation>
    </message>
    <message>
        <source>reverse a posted transaction (a teller&apos;s request waits for approval)</source>
        <translation>冲正已记账交易（柜员发起的须经审批）</translation>
    </message>
    <message>
        <source>list, show, approve, reject or cancel pending approvals</source>
        <translation>列出、查看、批准、拒绝或撤销待审批业务</translation>
    </message>
    <message>
        <source>Give --to for an intra-bank transfer or --to-bank, --to-account and --to-name for an interbank one, not both.</source>
        <translation>行内转账请提供 --to，跨行转账请提供 --to-bank、--to-account 和 --to-name，二者不能同时提供。</translation>
    </message>
    <message>
        <source>Give either --accepted or --rejected --reason R.</source>
        <translation>请提供 --accepted，或 --rejected --reason 原因，二者选其一。</translation>
    </message>
    <message>
        <source>Put the card number in %1, never on the command line.</source>
        <translation>请将卡号放入 %1，切勿写在命令行中。</translation>
    </message>
    <message>
        <source>Put the PIN in %1, never on the command line.</source>
        <translation>请将密码放入 %1，切勿写在命令行中。</translation>
    </message>
    <message>
        <source>The option --%1 needs a day of the month from 1 to 28.</source>
        <translation>选项 --%1 需要 1 至 28 之间的每月日期。</translation>
    </message>
    <message>
        <source>Give either --enable or --disable.</source>
        <translation>请提供 --enable 或 --disable，二者选其一。</translation>
    </message>
    <message>
        <source>The method must be sms, otp, otp_trial or usbkey.</source>
        <translation>验证方式必须是 sms（短信验证码）、otp（动态令牌）、otp_trial（试用动态令牌）或 usbkey（U盾）。</translation>
    </message>
    <message>
        <source>The kind of loss report must be oral or written.</source>
        <translation>挂失方式必须为 oral（口头挂失）或 written（书面挂失）。</translation>
    </message>
    <message>
        <source>%1 must hold the card key as %2 hexadecimal digits.</source>
        <translation>%1 中的卡密钥须为 %2 位十六进制数字。</translation>
    </message>
    <message>
        <source>Cards on a central database need its card key in %1 (%2 hexadecimal digits; for a new database, for example from `openssl rand -hex 32`, kept as safely as the database password).</source>
        <translation>使用中心数据库办理卡片业务，须将其卡密钥放入 %1（%2 位十六进制数字；新数据库可用 `openssl rand -hex 32` 等方式生成，并须与数据库密码同等妥善保管）。</translation>
    </message>
    <message>
        <source>issue cards; PIN, activation, loss reports, freeze, replacement, cancellation, online payment</source>
        <translation>发卡；密码、激活、挂失、冻结、换卡、销卡、网上支付</translation>
    </message>
    <message>
        <source>create the demo branch, staff, customers, accounts, cards, merchants and history (idempotent)</source>
        <translation>创建演示网点、操作员、客户、账户、卡片、商户及历史数据（可重复执行）</translation>
    </message>
    <message>
        <source>add or list merchants; payments, captures, refunds; show an order; settlements</source>
        <translation>添加或列出商户；收款、预授权完成、退款；查看订单；结算</translation>
    </message>
    <message>
        <source>place a time deposit, withdraw it early (whole or once in part), show it</source>
        <translation>存入定期存款、提前支取（全部支取或一次部分支取）、查看定期存款</translation>
    </message>
    <message>
        <source>close the branch&apos;s business day (eod status: what blocks it)</source>
        <translation>关闭网点营业日（eod status：查看阻碍日终的事项）</translation>
    </message>
    <message>
        <source>write a report (trial-balance, daily-journal, ...) as PDF, CSV or JSON</source>
        <translation>以 PDF、CSV 或 JSON 格式输出报表（trial-balance、daily-journal 等）</translation>
    </message>
    <message>
        <source>%1 works at branch %2, not %3: only a supervisor of a branch closes its day.</source>
        <translation>%1 属于网点 %2，而不是 %3：只有本网点主管才能办理该网点日终。</translation>
    </message>
    <message>
        <source>The option --%1 is yes or no.</source>
        <translation>选项 --%1 的值须为 yes 或 no。</translation>
    </message>
    <message>
        <source>Give either --from ACCOUNT or --cash.</source>
        <translation>请提供 --from 账号 或 --cash，二者选其一。</translation>
    </message>
    <message>
        <source>The option --merchant needs a merchant&apos;s id or code (M and 8 digits).</source>
        <translation>选项 --merchant 需要商户编号或商户代码（M 加 8 位数字）。</translation>
    </message>
    <message>
        <source>The option --%1 needs a whole number.</source>
        <translation>选项 --%1 需要一个整数。</translation>
    </message>
    <message>
        <source>Give the payer with --account NO or --card ID, one of them.</source>
        <translation>请用 --account 账号 或 --card 卡 ID 指定付款人，二者选其一。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Name the report: %1</source>
        <translation>请指定报表：%1</translation>
    </message>
    <message>
        <source>The format is pdf, csv or json.</source>
        <translation>格式须为 pdf、csv 或 json。</translation>
    </message>
    <message>
        <source>subscribe accounts to SMS notices; the outbox, its attempts and dead-letter retry; the gateway</source>
        <translation>为账户办理短信通知；待发通知、发送记录与已放弃通知的重发；短信网关</translation>
    </message>
    <message>
        <source>one delivery pass of the notice outbox to the SMS gateway: sent, failed, dead</source>
        <translation>将待发通知向短信网关发送一轮：已发送、失败、已放弃</translation>
    </message>
</context>
<context>
    <name>cs::ui::AccountDetailPanel</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Select an account to see it here.</source>
        <translation>选择一个账户，在此查看详情。</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>账户 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, bound to %2</source>
        <translation>%1，绑定 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1, matures %2</source>
        <translation>%1，到期日 %2</translation>
    </message>
    <message>
        <source>%1, closed %2</source>
        <translation>%1，销户日 %2</translation>
    </message>
    <message>
        <source>No active holds.</source>
        <translation>无有效止付。</translation>
    </message>
    <message numerus="yes">
        <source>Active holds: %n</source>
        <translation>
            <numerusform>有效止付：%n 笔</numerusform>
        </translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>户名：</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>账户类别：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Opened:</source>
        <translation>开户日：</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>余额：</translation>
    </message>
    <message>
        <source>Held:</source>
        <translation>止付金额：</translation>
    </message>
    <message>
        <source>Overdraft:</source>
        <translation>透支额度：</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>可用余额：</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
</context>
<context>
    <name>cs::ui::AccountNames</name>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>久悬</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销户</translation>
    </message>
    <message>
        <source>in full</source>
        <translation>全额冻结</translation>
    </message>
    <message>
        <source>no debits</source>
        <translation>只收不付</translation>
    </message>
    <message>
        <source>no credits</source>
        <translation>只付不收</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>%1 类户</translation>
    </message>
    <message>
        <source>Demand deposit</source>
        <translation>活期存款</translation>
    </message>
    <message>
        <source>Time deposit, 3 months</source>
        <translation>整存整取三个月</translation>
    </message>
    <message>
        <source>Time deposit, 6 months</source>
        <translation>整存整取六个月</translation>
    </message>
    <message>
        <source>Time deposit, 1 year</source>
        <translation>整存整取一年</translation>
    </message>
    <message>
        <source>Time deposit, 2 years</source>
        <translation>整存整取二年</translation>
    </message>
    <message>
        <source>Time deposit, 3 years</source>
        <translation>整存整取三年</translation>
    </message>
    <message>
        <source>Time deposit, 5 years</source>
        <translation>整存整取五年</translation>
    </message>
    <message>
        <source>Corporate current account</source>
        <translation>单位活期账户</translation>
    </message>
    <message>
        <source>Cash deposit</source>
        <translation>现金存款</translation>
    </message>
    <message>
        <source>Cash withdrawal</source>
        <translation>现金取款</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Judicial</source>
        <translation>司法</translation>
    </message>
    <message>
        <source>Customer&apos;s request</source>
        <translation>客户申请</translation>
    </message>
    <message>
        <source>Anti-money-laundering</source>
        <translation>反洗钱</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Pending transfer</source>
        <translation>在途转账</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
</context>
<context>
    <name>cs::ui::AccountsModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No class limits apply to this account.</source>
        <translation>此账户不受分类账户限额约束。</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Class II/III limits used on this business day: cash and non-bound credits in / out</source>
        <translation>本营业日已用 II/III 类户限额：现金及非绑定账户转入 / 转出</translation>
    </message>
    <message>
        <source>Class II/III limits used this year: in / out</source>
        <translation>本年已用 II/III 类户限额：转入 / 转出</translation>
    </message>
    <message>
        <source>Balance less active holds, plus any overdraft</source>
        <translation>余额减去有效止付金额，加透支额度</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用余额</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>止付</translation>
    </message>
    <message>
        <source>Used today (in / out)</source>
        <translation>今日已用（入 / 出）</translation>
    </message>
    <message>
        <source>Used this year (in / out)</source>
        <translation>本年已用（入 / 出）</translation>
    </message>
</context>
<context>
    <name>cs::ui::AddStaffDialog</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>%1 was added. They must change the password at the first sign-on.</source>
        <translation>已添加 %1。该操作员首次签到时须修改密码。</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <source>The new staff member signs on with this initial password once and must then choose their own.</source>
        <translation>新操作员用此初始密码签到一次后，须自行设置新密码。</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>网点：</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>初始密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;E)：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>cs::ui::AdminWorkspace</name>
    <message>
        <source>&amp;Staff</source>
        <translation>操作员(&amp;S)</translation>
    </message>
    <message>
        <source>Staff members, their roles and sign-on state</source>
        <translation>操作员及其角色和签到状态</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>参数(&amp;E)</translation>
    </message>
    <message>
        <source>Limits, timeouts and security settings</source>
        <translation>限额、超时和安全参数</translation>
    </message>
    <message>
        <source>&amp;Notices</source>
        <translation>短信通知(&amp;N)</translation>
    </message>
    <message>
        <source>The SMS gateway and the outbox of customer notices</source>
        <translation>短信网关与客户通知的待发箱</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalDetailPanel</name>
    <message>
        <source>Select a request in the queue to see it in full.</source>
        <translation>在审批队列中选择一笔申请，在此查看详情。</translation>
    </message>
    <message>
        <source>No. %1 · %2 · %3</source>
        <translation>编号 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Entered by %1 at terminal %2, %3 (business date %4)</source>
        <translation>经办人：%1，终端 %2，%3（营业日期 %4）</translation>
    </message>
    <message>
        <source>%1 at %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>%1 by %2 at terminal %3, %4.</source>
        <translation>%1：%2，终端 %3，%4。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>The request field by field</source>
        <translation>申请内容明细</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批处理</translation>
    </message>
    <message>
        <source>&amp;Amount re-keyed:</source>
        <translation>复核金额(&amp;A)：</translation>
    </message>
    <message>
        <source>Amount re-keyed</source>
        <translation>复核金额</translation>
    </message>
    <message>
        <source>Key the amount from the slip</source>
        <translation>按凭条输入金额</translation>
    </message>
    <message>
        <source>The amount is not shown: key it from the customer&apos;s slip. It must match exactly.</source>
        <translation>金额不予显示：请按客户凭条输入金额，须完全一致。</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Required to reject</source>
        <translation>拒绝时必填</translation>
    </message>
    <message>
        <source>Enter in this field rejects the request with this reason</source>
        <translation>在此栏按回车，即以此原因拒绝该申请</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalNames</name>
    <message>
        <source>Transfer within the bank</source>
        <translation>行内转账</translation>
    </message>
    <message>
        <source>Transfer to another bank</source>
        <translation>跨行转账</translation>
    </message>
    <message>
        <source>Cash withdrawal</source>
        <translation>现金取款</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Account freeze</source>
        <translation>账户冻结</translation>
    </message>
    <message>
        <source>Account unfreeze</source>
        <translation>账户解冻</translation>
    </message>
    <message>
        <source>Account closure</source>
        <translation>销户</translation>
    </message>
    <message>
        <source>Cash over or short</source>
        <translation>尾箱长短款</translation>
    </message>
    <message>
        <source>Fee waiver</source>
        <translation>减免手续费</translation>
    </message>
    <message>
        <source>Card replacement</source>
        <translation>补换卡</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Cash box</source>
        <translation>尾箱</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <source>Card PIN reset</source>
        <translation>重置卡密码</translation>
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
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>re-key</source>
        <translation>盲输复核</translation>
    </message>
    <message>
        <source>The checker keys the amount from the slip without seeing it.</source>
        <translation>盲输金额复核：复核人在看不到原金额的情况下按凭条重新输入金额。</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>终端 %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请业务</translation>
    </message>
    <message>
        <source>About</source>
        <translation>业务对象</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalsWorkspace</name>
    <message>
        <source>%1 of %2 shown; scroll down for more.</source>
        <translation>已显示 %1 笔，共 %2 笔；向下滚动查看更多。</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting.</source>
        <translation>
            <numerusform>%n 笔申请待审批。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s).</source>
        <translation>
            <numerusform>共 %n 笔申请。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Give the reason for the rejection.</source>
        <translation>请填写拒绝原因。</translation>
    </message>
    <message>
        <source>The decision did not complete.</source>
        <translation>审批未能完成。</translation>
    </message>
    <message>
        <source>Request %1 approved.</source>
        <translation>申请 %1 已批准。</translation>
    </message>
    <message>
        <source>Transaction %1 posted.</source>
        <translation>交易号 %1 已记账。</translation>
    </message>
    <message>
        <source>Request %1 rejected.</source>
        <translation>申请 %1 已拒绝。</translation>
    </message>
    <message>
        <source>Request %1 cancelled.</source>
        <translation>申请 %1 已撤销。</translation>
    </message>
    <message>
        <source>It had already been decided under this request; nothing was done twice.</source>
        <translation>此请求此前已审批，未重复办理。</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Re&amp;quest:</source>
        <translation>申请业务(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Maker:</source>
        <translation>经办人(&amp;M)：</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>起始(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>截止(&amp;T)：</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>全部业务</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部经办人</translation>
    </message>
    <message>
        <source>My submissions</source>
        <translation>本人提交</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Requests waiting for a second person</source>
        <translation>等待复核授权的申请</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Approve the selected request: it is carried out now</source>
        <translation>批准所选申请：立即执行</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Reject the selected request, giving the reason</source>
        <translation>拒绝所选申请，须填写原因</translation>
    </message>
    <message>
        <source>Cancel my request</source>
        <translation>撤销本人申请</translation>
    </message>
    <message>
        <source>Withdraw a request you entered yourself</source>
        <translation>撤回本人经办的申请</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the queue again</source>
        <translation>重新读取审批队列</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>审批队列</translation>
    </message>
    <message>
        <source>Go to the queue</source>
        <translation>转到审批队列</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Go to the filters</source>
        <translation>转到筛选条件</translation>
    </message>
    <message>
        <source>Live: every terminal&apos;s change shows at once.</source>
        <translation>实时：各终端的变动即时显示。</translation>
    </message>
    <message numerus="yes">
        <source>Checked for changes every %n second(s).</source>
        <translation>
            <numerusform>每 %n 秒检查一次变动。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cs::ui::AttemptsModel</name>
    <message>
        <source>The gateway&apos;s HTTP status; empty when no answer came</source>
        <translation>网关返回的 HTTP 状态码；未收到应答时为空</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>次序</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发送端</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP 状态</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>cs::ui::CardActionDialog</name>
    <message>
        <source>Say why, as the customer or the instruction gives it.</source>
        <translation>请按客户陈述或指令填写原因。</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>请求未能完成。</translation>
    </message>
    <message>
        <source>Report a card lost</source>
        <translation>卡片挂失</translation>
    </message>
    <message>
        <source>Debits on the card stop at once. An oral report lapses unless a written one follows; a written report cannot be lifted, the card is replaced.</source>
        <translation>挂失后该卡立即停止支付。口头挂失须补办书面挂失，否则到期失效；书面挂失不能解挂，只能换卡。</translation>
    </message>
    <message>
        <source>Report loss</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Lift a loss report</source>
        <translation>卡片解挂</translation>
    </message>
    <message>
        <source>The customer found the card: it works again as before the oral report. Check the ID.</source>
        <translation>客户已找回卡片：解挂后恢复至口头挂失前的状态。请核验证件。</translation>
    </message>
    <message>
        <source>Lift loss report</source>
        <translation>解挂</translation>
    </message>
    <message>
        <source>Freeze a card</source>
        <translation>卡片冻结</translation>
    </message>
    <message>
        <source>The frozen card pays nothing until it is unfrozen.</source>
        <translation>冻结后，该卡在解冻前不能支付。</translation>
    </message>
    <message>
        <source>Freeze card</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Unfreeze a card</source>
        <translation>卡片解冻</translation>
    </message>
    <message>
        <source>The card works again.</source>
        <translation>解冻后该卡恢复使用。</translation>
    </message>
    <message>
        <source>Unfreeze card</source>
        <translation>解冻</translation>
    </message>
    <message>
        <source>Replace a card</source>
        <translation>换卡</translation>
    </message>
    <message>
        <source>A new card with a new number on the same account; the old card becomes void. The customer sets a PIN for the new card.</source>
        <translation>在同一账户下换发新卡号的新卡，原卡作废。客户须为新卡设置密码。</translation>
    </message>
    <message>
        <source>Request replacement</source>
        <translation>提交换卡申请</translation>
    </message>
    <message>
        <source>Cancel a card</source>
        <translation>销卡</translation>
    </message>
    <message>
        <source>The card is closed for good. A quasi-credit or credit card&apos;s own account must be at zero and closes with it.</source>
        <translation>销卡后该卡永久停用。准贷记卡或贷记卡的卡账户余额须为零，并随卡一并销户。</translation>
    </message>
    <message>
        <source>Cancel card</source>
        <translation>确认销卡</translation>
    </message>
    <message>
        <source>Reset a PIN</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>The PIN and its lock are cleared, so that the customer can set a new one. Check the ID.</source>
        <translation>清除原密码及其锁定状态，由客户重新设置密码。请核验证件。</translation>
    </message>
    <message>
        <source>Request PIN reset</source>
        <translation>提交重置密码申请</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>挂失方式：</translation>
    </message>
    <message>
        <source>&amp;Oral (by phone or in person, without a form)</source>
        <translation>口头挂失（电话或临柜，无需填单）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Written (the signed form, with the ID)</source>
        <translation>书面挂失（填写并签署挂失申请书，凭证件办理）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>This waits for a supervisor&apos;s approval: nothing changes until a supervisor approves it in the Approvals workspace.</source>
        <translation>此业务须经主管审批：主管在“审批”工作区批准前不作任何变更。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close without changing anything (Esc)</source>
        <translation>不作任何变更并关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>cs::ui::CardIssueWizard</name>
    <message>
        <source>Type the ID number from the ID the customer presents.</source>
        <translation>请按客户出示的证件输入证件号码。</translation>
    </message>
    <message>
        <source>The product&apos;s default</source>
        <translation>产品默认值</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>请求未能完成。</translation>
    </message>
    <message>
        <source>There is no PIN pad at this counter: the customer sets the PIN later.</source>
        <translation>本柜台没有密码键盘：客户稍后再设置密码。</translation>
    </message>
    <message>
        <source>Waiting for the customer&apos;s PIN…</source>
        <translation>等待客户输入密码…</translation>
    </message>
    <message>
        <source>Card %1: choose your PIN</source>
        <translation>卡号 %1：请设置密码</translation>
    </message>
    <message>
        <source>No PIN was entered. Ask again, or go on without a PIN: the card stays issued and the customer sets the PIN later (Set PIN in the Counter).</source>
        <translation>未输入密码。请客户重新输入，或暂不设置密码继续：卡片仍为已发卡状态，客户稍后再设置密码（在柜面点击“设置密码”）。</translation>
    </message>
    <message>
        <source>Setting the PIN…</source>
        <translation>正在设置密码…</translation>
    </message>
    <message>
        <source>%1 The customer tries again.</source>
        <translation>%1请客户重新输入。</translation>
    </message>
    <message>
        <source>%1 Ask again, or go on without a PIN.</source>
        <translation>%1请客户重新输入，或暂不设置密码继续。</translation>
    </message>
    <message>
        <source>Issue a card</source>
        <translation>发卡</translation>
    </message>
    <message>
        <source>Card product</source>
        <translation>卡产品</translation>
    </message>
    <message>
        <source>Settlement account</source>
        <translation>结算账户</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份核验</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation>第 %1 步，共 %2 步 · %3</translation>
    </message>
    <message>
        <source>For %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <source>Which card does the customer apply for?</source>
        <translation>客户申请哪种卡？</translation>
    </message>
    <message>
        <source>&amp;Debit card: pays from the settlement account</source>
        <translation>借记卡：从结算账户支付(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quasi-credit card: its own account with an overdraft limit, linked to the settlement account</source>
        <translation>准贷记卡：独立卡账户，有透支额度，关联结算账户(&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;redit card: a credit limit, repaid each month</source>
        <translation>贷记卡：有信用额度，按月还款(&amp;R)</translation>
    </message>
    <message>
        <source>Credit &amp;limit:</source>
        <translation>信用额度(&amp;L)：</translation>
    </message>
    <message>
        <source>Overdraft &amp;limit:</source>
        <translation>透支额度(&amp;L)：</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Overdraft limit</source>
        <translation>透支额度</translation>
    </message>
    <message>
        <source>Empty: the product&apos;s default</source>
        <translation>留空则使用产品默认值</translation>
    </message>
    <message>
        <source>&amp;Statement day:</source>
        <translation>账单日(&amp;S)：</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>D&amp;ue day:</source>
        <translation>还款日(&amp;U)：</translation>
    </message>
    <message>
        <source>%1 has no open Class I or II account to settle a card on. Open one first.</source>
        <translation>%1 没有可作为卡片结算账户的正常 I 类或 II 类账户。请先开户。</translation>
    </message>
    <message>
        <source>The card pays from and into this account of the customer&apos;s.</source>
        <translation>该卡通过客户本人的此账户收付款项。</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <source>%1 · Class %2 · %3</source>
        <translation>%1 · %2 类户 · %3</translation>
    </message>
    <message>
        <source>%1, available %2 %3</source>
        <translation>%1，可用余额 %2 %3</translation>
    </message>
    <message>
        <source>Take the customer&apos;s ID card and type its number as printed on it. The card is issued only on the customer&apos;s own, valid ID.</source>
        <translation>请收取客户的身份证件，按证件上所印号码输入。须凭客户本人有效证件发卡。</translation>
    </message>
    <message>
        <source>Presented &amp;ID number:</source>
        <translation>出示证件号码(&amp;I)：</translation>
    </message>
    <message>
        <source>18 characters on a resident ID</source>
        <translation>居民身份证为 18 位</translation>
    </message>
    <message>
        <source>Read it back to the customer. Enter issues the card.</source>
        <translation>请向客户复述并确认。按回车发卡。</translation>
    </message>
    <message>
        <source>Cardholder:</source>
        <translation>持卡人：</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>证件号码：</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>额度：</translation>
    </message>
    <message>
        <source>Settlement account:</source>
        <translation>结算账户：</translation>
    </message>
    <message>
        <source>The card is issued. The customer now chooses a 6-digit PIN on the PIN pad and enters it twice; it never shows on this screen.</source>
        <translation>卡片已发出。请客户在密码键盘上设置 6 位数字密码并输入两次；密码不会显示在本屏幕上。</translation>
    </message>
    <message>
        <source>The card number, shown this once. Print the voucher for the customer to sign; the Counter shows only the masked number from now on.</source>
        <translation>卡号仅在此显示一次。请打印凭证交客户签字；此后柜面只显示屏蔽后的卡号。</translation>
    </message>
    <message>
        <source>%1 · %2 · expires %3</source>
        <translation>%1 · %2 · 有效期至 %3</translation>
    </message>
    <message>
        <source>Settlement account %1</source>
        <translation>结算账户 %1</translation>
    </message>
    <message>
        <source>Card account %1</source>
        <translation>卡账户 %1</translation>
    </message>
    <message>
        <source>PIN set by the customer.</source>
        <translation>客户已设置密码。</translation>
    </message>
    <message>
        <source>No PIN yet: the customer sets it later.</source>
        <translation>尚未设置密码：客户稍后设置。</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Show the voucher and print it (%1)</source>
        <translation>显示并打印凭证（%1）</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save the voucher as a PDF file (%1)</source>
        <translation>将凭证保存为 PDF 文件（%1）</translation>
    </message>
    <message>
        <source>&amp;Ask again</source>
        <translation>重新输入(&amp;A)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>The previous page (%1)</source>
        <translation>返回上一步（%1）</translation>
    </message>
    <message>
        <source>Issue card</source>
        <translation>发卡</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Go on without PIN</source>
        <translation>暂不设置密码</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>cs::ui::CardVaultAccess</name>
    <message>
        <source>This terminal has no place to keep the card key.</source>
        <translation>本终端没有可保存卡密钥的位置。</translation>
    </message>
    <message>
        <source>Cards cannot be served on this terminal: the card key of this database is not installed here. An administrator must install the card key on this terminal.</source>
        <translation>本终端不能办理卡片业务：本终端未安装此数据库的卡密钥。须由管理员在本终端安装卡密钥。</translation>
    </message>
    <message>
        <source>Cards cannot be served on this terminal: it holds another card key than this database. An administrator must install the database&apos;s card key on this terminal.</source>
        <translation>本终端不能办理卡片业务：本终端的卡密钥与此数据库不一致。须由管理员在本终端安装该数据库的卡密钥。</translation>
    </message>
    <message>
        <source>Cards cannot be served on this terminal: %1</source>
        <translation>本终端不能办理卡片业务：%1</translation>
    </message>
    <message>
        <source>A card key is 64 hexadecimal digits.</source>
        <translation>卡密钥为 64 位十六进制数字。</translation>
    </message>
</context>
<context>
    <name>cs::ui::CardsModel</name>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Locked today</source>
        <translation>今日已锁定</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>未开通</translation>
    </message>
    <message>
        <source>%1, %2 a day</source>
        <translation>%1，每日 %2</translation>
    </message>
    <message>
        <source>%1 on %2; it lapses on %3 unless a written report follows.</source>
        <translation>%2 办理%1；如未补办书面挂失，将于 %3 失效。</translation>
    </message>
    <message>
        <source>%1 on %2; the card can be replaced from %3.</source>
        <translation>%2 办理%1；自 %3 起可换卡。</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong PIN(s) more today lock it.</source>
        <translation>
            <numerusform>今日再输错 %n 次密码即锁定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Three wrong PINs today: locked until the next business day.</source>
        <translation>今日密码已输错三次：锁定至下一营业日。</translation>
    </message>
    <message>
        <source>Settlement account %1, card account %2</source>
        <translation>结算账户 %1，卡账户 %2</translation>
    </message>
    <message>
        <source>The first 6 and last 4 digits; the full number is only on the issuance voucher</source>
        <translation>显示前 6 位和后 4 位；完整卡号仅见于发卡凭证</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Settlement account</source>
        <translation>结算账户</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Online payment</source>
        <translation>网上支付</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
</context>
<context>
    <name>cs::ui::CardsPanel</name>
    <message>
        <source>%1 has no card yet. %2 issues one.</source>
        <translation>%1 名下尚无卡片。按 %2 发卡。</translation>
    </message>
    <message>
        <source>%1 has no card.</source>
        <translation>%1 名下没有卡片。</translation>
    </message>
    <message>
        <source>Card %1 issued to %2 with the PIN the customer chose; activate it when the customer has signed it.</source>
        <translation>卡 %1 已发给 %2，密码已由客户设置；客户签字后请激活。</translation>
    </message>
    <message>
        <source>Card %1 issued to %2 without a PIN: %3 lets the customer set one.</source>
        <translation>卡 %1 已发给 %2，尚未设置密码：按 %3 由客户设置密码。</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>请求未能完成。</translation>
    </message>
    <message>
        <source>Card %1 activated.</source>
        <translation>卡 %1 已激活。</translation>
    </message>
    <message>
        <source>Card %1: choose a new PIN</source>
        <translation>卡号 %1：请设置新密码</translation>
    </message>
    <message>
        <source>No PIN was entered for card %1; nothing changed.</source>
        <translation>卡 %1 未输入密码，未作任何变更。</translation>
    </message>
    <message>
        <source>The customer set the PIN of card %1.</source>
        <translation>客户已设置卡 %1 的密码。</translation>
    </message>
    <message>
        <source>Card %1: enter your current PIN</source>
        <translation>卡号 %1：请输入原密码</translation>
    </message>
    <message>
        <source>No new PIN was entered for card %1; nothing changed.</source>
        <translation>卡 %1 未输入新密码，未作任何变更。</translation>
    </message>
    <message>
        <source>The customer changed the PIN of card %1.</source>
        <translation>客户已修改卡 %1 的密码。</translation>
    </message>
    <message>
        <source>The replacement of card %1 waits for a supervisor&apos;s approval: request no. %2.</source>
        <translation>卡 %1 换卡待主管审批：申请编号 %2。</translation>
    </message>
    <message>
        <source>The PIN reset of card %1 waits for a supervisor&apos;s approval: request no. %2.</source>
        <translation>卡 %1 重置密码待主管审批：申请编号 %2。</translation>
    </message>
    <message>
        <source>The change of card %1 waits for a supervisor&apos;s approval: request no. %2.</source>
        <translation>卡 %1 的变更待主管审批：申请编号 %2。</translation>
    </message>
    <message>
        <source>Card %1: %2.</source>
        <translation>卡 %1：%2。</translation>
    </message>
    <message>
        <source>The new card is %1.</source>
        <translation>新卡卡号为 %1。</translation>
    </message>
    <message>
        <source>Online payment settings of card %1 saved.</source>
        <translation>卡 %1 的网上支付设置已保存。</translation>
    </message>
    <message>
        <source>Cards of the customer</source>
        <translation>客户的卡片</translation>
    </message>
    <message>
        <source>Issue card…</source>
        <translation>发卡…</translation>
    </message>
    <message>
        <source>Issue a new card to the customer</source>
        <translation>为客户发新卡</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Activate the selected card once the customer has it and has set a PIN</source>
        <translation>客户领卡并设置密码后，激活所选卡片</translation>
    </message>
    <message>
        <source>Set PIN…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <source>The customer chooses the card&apos;s PIN on the PIN pad</source>
        <translation>由客户在密码键盘上设置卡密码</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>The customer enters the current PIN, then a new one, on the PIN pad</source>
        <translation>由客户在密码键盘上先输入原密码，再输入新密码</translation>
    </message>
    <message>
        <source>Reset PIN…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Clear a forgotten PIN so that the customer sets a new one (waits for approval)</source>
        <translation>清除客户遗忘的密码，由客户重新设置（须审批）</translation>
    </message>
    <message>
        <source>Report loss…</source>
        <translation>挂失…</translation>
    </message>
    <message>
        <source>Report the selected card lost, orally or in writing</source>
        <translation>对所选卡片办理口头挂失或书面挂失</translation>
    </message>
    <message>
        <source>Lift loss report…</source>
        <translation>解挂…</translation>
    </message>
    <message>
        <source>Lift an oral loss report: the card works again</source>
        <translation>解除口头挂失：卡片恢复使用</translation>
    </message>
    <message>
        <source>Freeze…</source>
        <translation>冻结…</translation>
    </message>
    <message>
        <source>Freeze the selected card</source>
        <translation>冻结所选卡片</translation>
    </message>
    <message>
        <source>Unfreeze…</source>
        <translation>解冻…</translation>
    </message>
    <message>
        <source>Unfreeze the selected card</source>
        <translation>解冻所选卡片</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>换卡…</translation>
    </message>
    <message>
        <source>Replace the card with a new number on the same account (waits for approval)</source>
        <translation>在同一账户下换发新卡号的新卡（须审批）</translation>
    </message>
    <message>
        <source>Cancel card…</source>
        <translation>销卡…</translation>
    </message>
    <message>
        <source>Close the selected card for good</source>
        <translation>注销所选卡片，永久停用</translation>
    </message>
    <message>
        <source>Online payment…</source>
        <translation>网上支付…</translation>
    </message>
    <message>
        <source>Online payment: enabled, verification method and daily limit</source>
        <translation>网上支付：开通状态、验证方式和日累计限额</translation>
    </message>
    <message>
        <source>Reprint voucher…</source>
        <translation>补打凭证…</translation>
    </message>
    <message>
        <source>Print the issuance voucher of a card not yet activated again</source>
        <translation>补打未激活卡片的发卡凭证</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Set, change or reset the PIN</source>
        <translation>设置、修改或重置密码</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Report a loss or lift an oral report</source>
        <translation>挂失或解除口头挂失</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Freeze or unfreeze the card</source>
        <translation>冻结或解冻卡片</translation>
    </message>
</context>
<context>
    <name>cs::ui::CashBoxDialog</name>
    <message>
        <source>The count matches the expected cash.</source>
        <translation>清点金额与应有金额相符。</translation>
    </message>
    <message>
        <source>Over by %1.</source>
        <translation>长款 %1。</translation>
    </message>
    <message>
        <source>Short by %1.</source>
        <translation>短款 %1。</translation>
    </message>
    <message>
        <source>Open your cash box with %1 (%2) from the vault?</source>
        <translation>从金库领取 %1（%2）开启尾箱？</translation>
    </message>
    <message>
        <source>Take %1 (%2) from the vault into your cash box?</source>
        <translation>从金库领取 %1（%2）放入尾箱？</translation>
    </message>
    <message>
        <source>Return %1 (%2) from your cash box to the vault?</source>
        <translation>从尾箱上缴 %1（%2）到金库？</translation>
    </message>
    <message>
        <source>Record a count of %1 (%2)?</source>
        <translation>登记清点金额 %1（%2）？</translation>
    </message>
    <message>
        <source>The count matches the expected %1.</source>
        <translation>清点金额与应有金额 %1 相符。</translation>
    </message>
    <message>
        <source>The box is over by %1. Nothing is booked until the box is closed.</source>
        <translation>尾箱长款 %1。轧账前不记账。</translation>
    </message>
    <message>
        <source>The box is short by %1. Nothing is booked until the box is closed.</source>
        <translation>尾箱短款 %1。轧账前不记账。</translation>
    </message>
    <message>
        <source>Close your cash box with %1 (%2) counted?</source>
        <translation>按清点金额 %1（%2）轧账？</translation>
    </message>
    <message>
        <source>An over of %1 will be booked to suspense payable.</source>
        <translation>长款 %1 将记入待处理长款（其他应付）。</translation>
    </message>
    <message>
        <source>A short of %1 will be booked to suspense receivable.</source>
        <translation>短款 %1 将记入待处理短款（其他应收）。</translation>
    </message>
    <message>
        <source>All the counted cash, %1, goes back to the vault.</source>
        <translation>清点的全部现金 %1 上缴金库。</translation>
    </message>
    <message>
        <source>Cash box closed: %1 returned to the vault.</source>
        <translation>尾箱已轧账：%1 已上缴金库。</translation>
    </message>
    <message>
        <source>An over of %1 was booked to suspense payable.</source>
        <translation>长款 %1 已记入待处理长款（其他应付）。</translation>
    </message>
    <message>
        <source>A short of %1 was booked to suspense receivable.</source>
        <translation>短款 %1 已记入待处理短款（其他应收）。</translation>
    </message>
    <message>
        <source>Cash box opened with %1 from the vault.</source>
        <translation>尾箱已开启，从金库领取 %1。</translation>
    </message>
    <message>
        <source>%1 taken from the vault; the box now holds %2.</source>
        <translation>已从金库领取 %1；尾箱现有 %2。</translation>
    </message>
    <message>
        <source>%1 returned to the vault; the box now holds %2.</source>
        <translation>已上缴金库 %1；尾箱现有 %2。</translation>
    </message>
    <message>
        <source>Counted %1: the box balances.</source>
        <translation>清点 %1：尾箱账实相符。</translation>
    </message>
    <message>
        <source>Counted %1: over by %2.</source>
        <translation>清点 %1：长款 %2。</translation>
    </message>
    <message>
        <source>Counted %1: short by %2.</source>
        <translation>清点 %1：短款 %2。</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>请求未完成。</translation>
    </message>
    <message>
        <source>Open cash box</source>
        <translation>开启尾箱</translation>
    </message>
    <message>
        <source>Take the cash for the day from the vault into your cash box.</source>
        <translation>从金库领取当日现金放入尾箱。</translation>
    </message>
    <message>
        <source>&amp;From the vault:</source>
        <translation>金库领取(&amp;F)：</translation>
    </message>
    <message>
        <source>Take cash from the vault</source>
        <translation>从金库领取现金</translation>
    </message>
    <message>
        <source>More cash from the vault into your open cash box.</source>
        <translation>从金库再领取现金放入已开启的尾箱。</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A)：</translation>
    </message>
    <message>
        <source>Take from vault</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>Return cash to the vault</source>
        <translation>上缴现金到金库</translation>
    </message>
    <message>
        <source>Cash from your cash box back to the vault. The box now holds %1.</source>
        <translation>将尾箱现金上缴金库。尾箱现有 %1。</translation>
    </message>
    <message>
        <source>Return to vault</source>
        <translation>上缴</translation>
    </message>
    <message>
        <source>Count the cash box</source>
        <translation>清点尾箱</translation>
    </message>
    <message>
        <source>Count the cash in your box and type the total. The count is recorded; nothing is booked.</source>
        <translation>清点尾箱现金并输入合计。只登记清点结果，不记账。</translation>
    </message>
    <message>
        <source>&amp;Counted:</source>
        <translation>清点金额(&amp;C)：</translation>
    </message>
    <message>
        <source>Record count</source>
        <translation>登记清点</translation>
    </message>
    <message>
        <source>Close the cash box</source>
        <translation>尾箱轧账</translation>
    </message>
    <message>
        <source>Count the cash in your box and type the total. Closing books any over or short and returns all the cash to the vault.</source>
        <translation>清点尾箱现金并输入合计。轧账时记入长短款，并将全部现金上缴金库。</translation>
    </message>
    <message>
        <source>Close cash box</source>
        <translation>轧账</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>清点金额</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expected:</source>
        <translation>应有金额：</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>An over of %1 waits for a supervisor&apos;s approval (request no. %2).</source>
        <translation>长款 %1 待主管审批（申请编号 %2）。</translation>
    </message>
    <message>
        <source>A short of %1 waits for a supervisor&apos;s approval (request no. %2).</source>
        <translation>短款 %1 待主管审批（申请编号 %2）。</translation>
    </message>
    <message>
        <source>The box stays open until it is decided; move no cash meanwhile.</source>
        <translation>审批完成前尾箱保持未上缴状态，其间请勿收付现金。</translation>
    </message>
</context>
<context>
    <name>cs::ui::CashBoxWorkspace</name>
    <message>
        <source>No cash box today (%1). Open one with cash from the vault (F2).</source>
        <translation>今日（%1）尚未开启尾箱。请从金库领取现金开启（F2）。</translation>
    </message>
    <message>
        <source>Open since %1, business date %2.</source>
        <translation>%1 开启，营业日 %2。</translation>
    </message>
    <message>
        <source>Closed at %1, business date %2.</source>
        <translation>%1 已轧账，营业日 %2。</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>未清点</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>账实相符</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>长款 %1</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>短款 %1</translation>
    </message>
    <message>
        <source>Your cash box</source>
        <translation>本人尾箱</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>开箱余额</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>现金收入</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>现金付出</translation>
    </message>
    <message>
        <source>Expected in the box</source>
        <translation>应有金额</translation>
    </message>
    <message>
        <source>Last count</source>
        <translation>最近清点</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易笔数</translation>
    </message>
    <message>
        <source>Cash in the box when it was opened, before the cash from the vault</source>
        <translation>开启时尾箱内的现金（不含从金库领取的现金）</translation>
    </message>
    <message>
        <source>Customer deposits and cash from the vault</source>
        <translation>客户存款及从金库领取的现金</translation>
    </message>
    <message>
        <source>Customer withdrawals and cash to the vault</source>
        <translation>客户取款及上缴金库的现金</translation>
    </message>
    <message>
        <source>Opening + in − out</source>
        <translation>开箱余额 + 收入 − 付出</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>开启…</translation>
    </message>
    <message>
        <source>Open your cash box with cash from the vault</source>
        <translation>从金库领取现金开启尾箱</translation>
    </message>
    <message>
        <source>Take from vault…</source>
        <translation>金库领取…</translation>
    </message>
    <message>
        <source>Take more cash from the vault into your box</source>
        <translation>从金库再领取现金放入尾箱</translation>
    </message>
    <message>
        <source>Return to vault…</source>
        <translation>上缴金库…</translation>
    </message>
    <message>
        <source>Return cash from your box to the vault</source>
        <translation>将尾箱现金上缴金库</translation>
    </message>
    <message>
        <source>Count…</source>
        <translation>清点…</translation>
    </message>
    <message>
        <source>Record the cash counted in your box</source>
        <translation>登记尾箱现金清点结果</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>轧账…</translation>
    </message>
    <message>
        <source>Count, book any over or short, return all cash to the vault</source>
        <translation>清点、记入长短款、全部现金上缴金库</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the cash box again</source>
        <translation>重新读取尾箱</translation>
    </message>
</context>
<context>
    <name>cs::ui::CashDialog</name>
    <message>
        <source>Large-value cash: with this one the customer&apos;s cash today reaches the reporting threshold, and it will be reported.</source>
        <translation>大额现金：连同本笔，该客户今日现金交易达到报告标准，将报送大额交易报告。</translation>
    </message>
    <message>
        <source>Required for a cash amount this large.</source>
        <translation>此金额的现金业务必须填写。</translation>
    </message>
    <message>
        <source>Take this cash deposit? Count the notes once more.</source>
        <translation>确认收取这笔现金存款？请再次清点现金。</translation>
    </message>
    <message>
        <source>Pay out this cash? Count the notes once more.</source>
        <translation>确认付出这笔现金？请再次清点现金。</translation>
    </message>
    <message>
        <source>Into account %1, %2</source>
        <translation>存入账户 %1，%2</translation>
    </message>
    <message>
        <source>From account %1, %2</source>
        <translation>从账户 %1 支取，%2</translation>
    </message>
    <message>
        <source>Fee %1 · balance after %2</source>
        <translation>手续费 %1 · 交易后余额 %2</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>请求未完成。</translation>
    </message>
    <message>
        <source>Deposit posted: transaction %1.</source>
        <translation>存款已记账：交易号 %1。</translation>
    </message>
    <message>
        <source>Withdrawal posted: transaction %1.</source>
        <translation>取款已记账：交易号 %1。</translation>
    </message>
    <message>
        <source>It had already been posted under this request; nothing was posted twice.</source>
        <translation>此请求此前已记账，未重复记账。</translation>
    </message>
    <message>
        <source>Amount %1, fee %2, balance after %3.</source>
        <translation>金额 %1，手续费 %2，交易后余额 %3。</translation>
    </message>
    <message>
        <source>Give the customer the voucher to sign.</source>
        <translation>请将回单交客户签字。</translation>
    </message>
    <message>
        <source>Cash deposit</source>
        <translation>现金存款</translation>
    </message>
    <message>
        <source>Cash withdrawal</source>
        <translation>现金取款</translation>
    </message>
    <message>
        <source>Cash paid into the account through your cash box.</source>
        <translation>现金经本人尾箱存入账户。</translation>
    </message>
    <message>
        <source>Cash paid out of the account through your cash box.</source>
        <translation>现金经本人尾箱从账户付出。</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>户名：</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>可用余额：</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A)：</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>e.g. 1,000.00</source>
        <translation>例如 1,000.00</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>手续费：</translation>
    </message>
    <message>
        <source>Balance after:</source>
        <translation>交易后余额：</translation>
    </message>
    <message>
        <source>Available after:</source>
        <translation>交易后可用余额：</translation>
    </message>
    <message>
        <source>Customer&apos;s cash today:</source>
        <translation>客户今日现金合计：</translation>
    </message>
    <message>
        <source>This customer&apos;s cash deposits today, with this one</source>
        <translation>该客户今日现金存款合计（含本笔）</translation>
    </message>
    <message>
        <source>This customer&apos;s cash withdrawals today, with this one</source>
        <translation>该客户今日现金取款合计（含本笔）</translation>
    </message>
    <message>
        <source>Due diligence (required for this amount)</source>
        <translation>尽职调查（此金额必须填写）</translation>
    </message>
    <message>
        <source>&amp;Source of funds:</source>
        <translation>资金来源(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>用途(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;ID copy reference:</source>
        <translation>身份证件复印件编号(&amp;I)：</translation>
    </message>
    <message>
        <source>Where the copy of the ID is kept</source>
        <translation>身份证件复印件的存放编号</translation>
    </message>
    <message>
        <source>Someone &amp;acts for the customer</source>
        <translation>代理人办理(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;gent&apos;s name:</source>
        <translation>代理人姓名(&amp;G)：</translation>
    </message>
    <message>
        <source>Agent&apos;s ID &amp;number:</source>
        <translation>代理人证件号码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Memo:</source>
        <translation>摘要(&amp;M)：</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Post deposit</source>
        <translation>确认存款</translation>
    </message>
    <message>
        <source>Post withdrawal</source>
        <translation>确认取款</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Show the voucher and print it (%1)</source>
        <translation>显示并打印回单（%1）</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save the voucher as a PDF file (%1)</source>
        <translation>将回单保存为 PDF 文件（%1）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Withdrawal of %1 waits for a supervisor&apos;s approval: request no. %2.</source>
        <translation>取款 %1 待主管审批：申请编号 %2。</translation>
    </message>
    <message>
        <source>The amount is held on the account. Pay out the cash only after the approval.</source>
        <translation>该金额已在账户止付。审批通过后方可付出现金。</translation>
    </message>
</context>
<context>
    <name>cs::ui::ChangeRoleDialog</name>
    <message>
        <source>The role of %1 is now %2.</source>
        <translation>%1 的角色现为%2。</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>变更角色</translation>
    </message>
    <message>
        <source>Current role of %1 (%2): %3. A new role applies from their next sign-on.</source>
        <translation>%1（%2）的当前角色：%3。新角色自其下次签到起生效。</translation>
    </message>
    <message>
        <source>New &amp;role:</source>
        <translation>新角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>cs::ui::ConnectionDialog</name>
    <message>
        <source>Connected to %1, but its schema version is %2 and this program needs %3. Run countersign-batch migrate.</source>
        <translation>已连接到 %1，但其数据库结构版本为 %2，本程序需要版本 %3。请运行 countersign-batch migrate。</translation>
    </message>
    <message>
        <source>Connected to %1 (schema version %2).</source>
        <translation>已连接到 %1（数据库结构版本 %2）。</translation>
    </message>
    <message>
        <source>The connection test did not complete.</source>
        <translation>连接测试未能完成。</translation>
    </message>
    <message>
        <source>The password was not saved: %1</source>
        <translation>密码未保存：%1</translation>
    </message>
    <message>
        <source>Database connection — Countersign</source>
        <translation>数据库连接 — Countersign</translation>
    </message>
    <message>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <source>The branch&apos;s central PostgreSQL database. The password is kept in the system keychain, never in a settings file.</source>
        <translation>本网点的中心 PostgreSQL 数据库。密码保存在系统钥匙串中，绝不写入设置文件。</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>T&amp;LS mode:</source>
        <translation>TLS 模式(&amp;L)：</translation>
    </message>
    <message>
        <source>db.branch.example or 10.0.0.5</source>
        <translation>db.branch.example 或 10.0.0.5</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation>留空则保留已保存的密码</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>TLS 模式</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>不加密</translation>
    </message>
    <message>
        <source>encrypted, server not verified</source>
        <translation>加密，不验证服务器</translation>
    </message>
    <message>
        <source>encrypted, certificate authority checked</source>
        <translation>加密，验证证书颁发机构</translation>
    </message>
    <message>
        <source>encrypted, certificate and host name checked</source>
        <translation>加密，验证证书和主机名</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>正在测试连接</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Connect with these values without saving them</source>
        <translation>用这些设置试连接，但不保存</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the connection; the password goes to the system keychain (Enter)</source>
        <translation>保存连接设置；密码存入系统钥匙串（Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>不保存并关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>cs::ui::ConnectionSettings</name>
    <message>
        <source>Cannot write the settings file %1.</source>
        <translation>无法写入设置文件 %1。</translation>
    </message>
    <message>
        <source>Enter the database server.</source>
        <translation>请输入数据库服务器。</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>Enter the name of the database.</source>
        <translation>请输入数据库名称。</translation>
    </message>
    <message>
        <source>Enter the database user.</source>
        <translation>请输入数据库用户。</translation>
    </message>
    <message>
        <source>Unknown TLS mode: %1.</source>
        <translation>未知的 TLS 模式：%1。</translation>
    </message>
</context>
<context>
    <name>cs::ui::CounterWorkspace</name>
    <message>
        <source>No customer matches “%1”.</source>
        <translation>没有与“%1”匹配的客户。</translation>
    </message>
    <message numerus="yes">
        <source>The first %n customers found; narrow the search to see others.</source>
        <translation>
            <numerusform>仅显示前 %n 位客户；请缩小查询范围查看其他客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found.</source>
        <translation>
            <numerusform>找到 %n 位客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Find a customer by ID number, name, phone or account number.</source>
        <translation>按证件号码、姓名、电话或账号查找客户。</translation>
    </message>
    <message>
        <source>%1 · %2 %3</source>
        <translation>%1 · %2 %3</translation>
    </message>
    <message>
        <source>%1 · %2 %3 · phone %4</source>
        <translation>%1 · %2 %3 · 电话 %4</translation>
    </message>
    <message>
        <source>Deposit of %1 to %2 posted: transaction %3. %4 prints the voucher again.</source>
        <translation>存入 %2 的 %1 已记账：交易号 %3。按 %4 可重打回单。</translation>
    </message>
    <message>
        <source>Withdrawal of %1 from %2 posted: transaction %3. %4 prints the voucher again.</source>
        <translation>从 %2 支取的 %1 已记账：交易号 %3。按 %4 可重打回单。</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>ID number, name, phone or account number, then Enter</source>
        <translation>输入证件号码、姓名、电话或账号后按回车</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>查到的客户</translation>
    </message>
    <message>
        <source>Accounts of the customer</source>
        <translation>客户的账户</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Find the customer (Enter in the search field)</source>
        <translation>查找客户（在查询框中按回车）</translation>
    </message>
    <message>
        <source>Deposit…</source>
        <translation>存款…</translation>
    </message>
    <message>
        <source>Take a cash deposit into the selected account</source>
        <translation>向所选账户存入现金</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>取款…</translation>
    </message>
    <message>
        <source>Pay out cash from the selected account</source>
        <translation>从所选账户支取现金</translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation>明细…</translation>
    </message>
    <message>
        <source>Show the statement of the selected account</source>
        <translation>查看所选账户的交易明细</translation>
    </message>
    <message>
        <source>Print voucher…</source>
        <translation>打印回单…</translation>
    </message>
    <message>
        <source>Preview and print the voucher of the last cash transaction</source>
        <translation>预览并打印上一笔现金交易的回单</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the customer&apos;s accounts again</source>
        <translation>重新读取客户账户</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>Go to the search field</source>
        <translation>转到查询框</translation>
    </message>
    <message>
        <source>Withdrawal of %1 from %2 waits for a supervisor&apos;s approval: request no. %3.</source>
        <translation>账户 %2 取款 %1 待主管审批：申请编号 %3。</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>Show the customer&apos;s cards</source>
        <translation>查看客户的卡片</translation>
    </message>
    <message>
        <source>Acc&amp;ount</source>
        <translation>账户(&amp;O)</translation>
    </message>
    <message>
        <source>Ca&amp;rds (%1)</source>
        <translation>卡片(&amp;R)（%1）</translation>
    </message>
    <message>
        <source>Ca&amp;rds</source>
        <translation>卡片(&amp;R)</translation>
    </message>
    <message>
        <source>The customer&apos;s cards (%1)</source>
        <translation>客户的卡片（%1）</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>短信通知</translation>
    </message>
    <message>
        <source>Show the customer&apos;s SMS notice subscriptions</source>
        <translation>显示客户的短信通知订阅</translation>
    </message>
    <message>
        <source>&amp;Notices (%1)</source>
        <translation>短信通知(&amp;N)（%1）</translation>
    </message>
    <message>
        <source>&amp;Notices</source>
        <translation>短信通知(&amp;N)</translation>
    </message>
    <message>
        <source>The customer&apos;s SMS notice subscriptions (%1)</source>
        <translation>客户的短信通知订阅（%1）</translation>
    </message>
</context>
<context>
    <name>cs::ui::CustomerResultsModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>cs::ui::DisableStaffDialog</name>
    <message>
        <source>%1 was disabled.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <source>Disable staff member</source>
        <translation>停用操作员</translation>
    </message>
    <message>
        <source>%1 (%2) can no longer sign on until an administrator enables the account again.</source>
        <translation>停用后，%1（%2）将无法签到，直至管理员重新启用该账号。</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Recorded in the audit trail</source>
        <translation>将记入审计记录</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>cs::ui::EodDialog</name>
    <message>
        <source>%v of %m steps</source>
        <translation>已完成 %v 步，共 %m 步</translation>
    </message>
    <message>
        <source>Checking whether the day can close…</source>
        <translation>正在检查能否办理日终…</translation>
    </message>
    <message>
        <source>What keeps the day open could not be read.</source>
        <translation>无法读取阻碍日终的事项。</translation>
    </message>
    <message>
        <source>End of day cannot start until these are closed or decided. F5 checks again.</source>
        <translation>须先将以下事项轧账或审批完毕，方可开始日终。按 F5 重新检查。</translation>
    </message>
    <message>
        <source>Nothing keeps the day open. Enter runs the end of day.</source>
        <translation>没有阻碍日终的事项。按回车键执行日终。</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待执行</translation>
    </message>
    <message>
        <source>Closing the business day %1…</source>
        <translation>正在关闭营业日 %1…</translation>
    </message>
    <message>
        <source>The end of day did not report how it ended.</source>
        <translation>日终处理未返回执行结果。</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>done in an earlier run</source>
        <translation>已在前次执行中完成</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>End of day stopped: %1</source>
        <translation>日终处理中止：%1</translation>
    </message>
    <message>
        <source>The business day %1 is closed. The new business date is %2.</source>
        <translation>营业日 %1 已关闭。新的营业日期为 %2。</translation>
    </message>
    <message>
        <source>An interrupted run of this day was finished; nothing was done twice.</source>
        <translation>已续做本日中断的日终处理，未重复执行任何步骤。</translation>
    </message>
    <message>
        <source>Business date: %1</source>
        <translation>营业日期：%1</translation>
    </message>
    <message>
        <source>End of day — %1 %2</source>
        <translation>日终 — %1 %2</translation>
    </message>
    <message>
        <source>Business date: %1. Closing it moves the branch to its next business day.</source>
        <translation>营业日期：%1。关闭后网点将进入下一营业日。</translation>
    </message>
    <message>
        <source>The day cannot close while these are open:</source>
        <translation>以下事项尚未办结，不能日终：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步骤：</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>&amp;Run end of day</source>
        <translation>执行日终(&amp;R)</translation>
    </message>
    <message>
        <source>Check &amp;again (F5)</source>
        <translation>重新检查（F5）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>cs::ui::GatewayForm</name>
    <message>
        <source>This terminal has no place to keep it</source>
        <translation>本终端无处保存密码</translation>
    </message>
    <message>
        <source>Stored on this terminal</source>
        <translation>已保存在本终端</translation>
    </message>
    <message>
        <source>Not stored on this terminal</source>
        <translation>未保存在本终端</translation>
    </message>
    <message>
        <source>unchanged; type to replace it</source>
        <translation>未更改；输入新密码以替换</translation>
    </message>
    <message>
        <source>the gateway&apos;s password</source>
        <translation>网关密码</translation>
    </message>
    <message>
        <source>Last changed by %1 at %2.</source>
        <translation>最近由 %1 于 %2 修改。</translation>
    </message>
    <message>
        <source>No gateway is set up: no notice is sent.</source>
        <translation>尚未设置网关：不会发送任何通知。</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>没有需要保存的内容。</translation>
    </message>
    <message>
        <source>Gateway settings saved.</source>
        <translation>网关设置已保存。</translation>
    </message>
    <message>
        <source>The password is stored on this terminal.</source>
        <translation>密码已保存在本终端。</translation>
    </message>
    <message>
        <source>Gateway &amp;URL:</source>
        <translation>网关地址(&amp;U)：</translation>
    </message>
    <message>
        <source>https://sms.example.com/send</source>
        <translation>https://sms.example.com/send</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>账号(&amp;C)：</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>签名(&amp;G)：</translation>
    </message>
    <message>
        <source>put into every message, e.g. the bank&apos;s name</source>
        <translation>写入每条短信，例如银行名称</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Save gateway</source>
        <translation>保存网关设置</translation>
    </message>
    <message>
        <source>Save the gateway settings, and the password on this terminal (%1)</source>
        <translation>保存网关设置，并将密码保存在本终端（%1）</translation>
    </message>
</context>
<context>
    <name>cs::ui::KeychainSecretStore</name>
    <message>
        <source>The system keychain can only be used while the application is running.</source>
        <translation>只有在程序运行时才能使用系统钥匙串。</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time. Unlock the keyring and try again.</source>
        <translation>系统钥匙串未及时响应。请解锁密钥环后重试。</translation>
    </message>
    <message>
        <source>Access to the system keychain was refused by the user (%1).</source>
        <translation>用户拒绝了对系统钥匙串的访问（%1）。</translation>
    </message>
    <message>
        <source>The system keychain refused access; it may be locked (%1).</source>
        <translation>系统钥匙串拒绝访问，可能已锁定（%1）。</translation>
    </message>
    <message>
        <source>The secret “%1” could not be removed from the system keychain (%2).</source>
        <translation>无法从系统钥匙串中删除机密“%1”（%2）。</translation>
    </message>
    <message>
        <source>The system keychain (secret service) is not available, so no secret can be kept safely on this computer. Start the desktop keyring (for example gnome-keyring) and try again (%1).</source>
        <translation>系统钥匙串（Secret Service）不可用，本机无法安全保存任何机密。请启动桌面密钥环（例如 gnome-keyring）后重试（%1）。</translation>
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
    <message>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <source>The new connection settings apply when the terminal starts again.</source>
        <translation>新的连接设置将在终端下次启动时生效。</translation>
    </message>
    <message>
        <source>&amp;Connection…</source>
        <translation>连接设置(&amp;C)…</translation>
    </message>
    <message>
        <source>Database server, user and TLS mode; the password is kept in the system keychain</source>
        <translation>数据库服务器、用户和 TLS 模式；密码保存在系统钥匙串中</translation>
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
    <message>
        <source>&amp;End of day…</source>
        <translation>日终处理(&amp;E)…</translation>
    </message>
    <message>
        <source>Close the branch&apos;s business day and move to the next one</source>
        <translation>关闭本网点营业日，进入下一营业日</translation>
    </message>
</context>
<context>
    <name>cs::ui::NoticeNames</name>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Failed, to retry</source>
        <translation>失败，待重发</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>账户变动</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>定期到期</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Given up</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Movements with balance, maturity</source>
        <translation>账户变动（含余额）、定期到期</translation>
    </message>
    <message>
        <source>Movements, maturity</source>
        <translation>账户变动、定期到期</translation>
    </message>
    <message>
        <source>Movements with balance</source>
        <translation>账户变动（含余额）</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>账户变动</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>Package, %1 a month after the trial (to %2), confirmed %3</source>
        <translation>套餐，试用期（至 %2）后每月 %1，已于 %3 确认</translation>
    </message>
    <message>
        <source>Package, %1 a month after the trial (to %2), not confirmed</source>
        <translation>套餐，试用期（至 %2）后每月 %1，客户未确认</translation>
    </message>
</context>
<context>
    <name>cs::ui::NoticesPage</name>
    <message>
        <source>SMS gateway</source>
        <translation>短信网关</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>待发箱</translation>
    </message>
</context>
<context>
    <name>cs::ui::OnScreenPinPad</name>
    <message>
        <source>PIN pad</source>
        <translation>密码键盘</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear all digits</source>
        <translation>清除全部数字</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>删除最后一位</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Enter the same 6 digits again to confirm, then OK.</source>
        <translation>请再次输入相同的 6 位数字，然后按“确定”。</translation>
    </message>
    <message>
        <source>Choose 6 digits, then OK. Do not use 123456 or six equal digits.</source>
        <translation>请设置 6 位数字密码，然后按“确定”。请勿使用 123456 或六位相同数字。</translation>
    </message>
    <message>
        <source>Enter your 6-digit PIN, then OK.</source>
        <translation>请输入 6 位数字密码，然后按“确定”。</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled in %n second(s) without a key.</source>
        <translation>
            <numerusform>%n 秒内无按键将自动取消。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cs::ui::OnlinePaymentDialog</name>
    <message>
        <source>Ceiling with %1: %2 a day</source>
        <translation>%1 最高限额：每日 %2</translation>
    </message>
    <message>
        <source>Available credit: %1</source>
        <translation>可用额度：%1</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>请求未能完成。</translation>
    </message>
    <message>
        <source>Online payment of card %1</source>
        <translation>卡 %1 网上支付</translation>
    </message>
    <message>
        <source>Whether card %1 pays online, how the customer confirms a payment, and the most it pays in one day.</source>
        <translation>设置卡 %1 是否开通网上支付、客户确认支付的验证方式以及每日最高支付金额。</translation>
    </message>
    <message>
        <source>&amp;Online payment enabled</source>
        <translation>开通网上支付(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Verification:</source>
        <translation>验证方式(&amp;V)：</translation>
    </message>
    <message>
        <source>Daily &amp;limit:</source>
        <translation>日累计限额(&amp;L)：</translation>
    </message>
    <message>
        <source>Daily limit</source>
        <translation>日累计限额</translation>
    </message>
    <message>
        <source>e.g. 5,000.00</source>
        <translation>例如 5,000.00</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>cs::ui::OutboxModel</name>
    <message>
        <source>%1, messages in %2</source>
        <translation>%1，短信语言：%2</translation>
    </message>
    <message>
        <source>Sent at %1</source>
        <translation>发送于 %1</translation>
    </message>
    <message>
        <source>Next attempt at %1</source>
        <translation>下次发送于 %1</translation>
    </message>
    <message>
        <source>When a waiting notice is tried next, or when a sent one was sent</source>
        <translation>待发通知的下次发送时间，或已发通知的发送时间</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>发送次数</translation>
    </message>
    <message>
        <source>Next attempt / sent</source>
        <translation>下次发送 / 发送时间</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>cs::ui::OutboxPanel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>All states (%1)</source>
        <translation>全部状态（%1）</translation>
    </message>
    <message>
        <source>No notice in the outbox.</source>
        <translation>待发箱中没有通知。</translation>
    </message>
    <message>
        <source>Notice %1 to %2: %3</source>
        <translation>通知 %1 发往 %2：%3</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message>
        <source>Notice %1 is queued again; the next delivery pass sends it (%2 sends now).</source>
        <translation>通知 %1 已重新排队；下一轮发送时发出（按 %2 立即发送）。</translation>
    </message>
    <message>
        <source>This terminal has no place to keep the gateway&apos;s password: it cannot send.</source>
        <translation>本终端无处保存网关密码：无法发送。</translation>
    </message>
    <message>
        <source>Sending the notices due…</source>
        <translation>正在发送到期的通知…</translation>
    </message>
    <message>
        <source>A delivery pass of this terminal is already running.</source>
        <translation>本终端的一轮发送正在进行。</translation>
    </message>
    <message>
        <source>Delivery pass: no notice was due.</source>
        <translation>本轮发送：没有到期的通知。</translation>
    </message>
    <message>
        <source>Delivery pass: %1 sent, %2 failed (tried again later), %3 dead.</source>
        <translation>本轮发送：已发送 %1 条，失败 %2 条（稍后重发），放弃 %3 条。</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) taken over by another sender.</source>
        <translation>
            <numerusform>%n 条通知已由其他发送端接手。</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Notice outbox</source>
        <translation>通知待发箱</translation>
    </message>
    <message>
        <source>Delivery attempts of the selected notice</source>
        <translation>所选通知的发送记录</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the outbox again</source>
        <translation>重新读取待发箱</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重发</translation>
    </message>
    <message>
        <source>Queue the selected dead notice again</source>
        <translation>将所选已放弃的通知重新排队</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>Run a delivery pass from this terminal now</source>
        <translation>立即从本终端发送一轮</translation>
    </message>
</context>
<context>
    <name>cs::ui::PasswordChangeDialog</name>
    <message>
        <source>The new password and its repetition are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The password change did not complete.</source>
        <translation>密码修改未能完成。</translation>
    </message>
    <message>
        <source>Change password — Countersign</source>
        <translation>修改密码 — 柜台签章</translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation>请设置您自己的密码</translation>
    </message>
    <message>
        <source>%1 (%2): your password was set by an administrator. Choose your own before you continue; it must not contain your login.</source>
        <translation>%1（%2）：您的密码由管理员设置。请先设置您自己的密码再继续；新密码不得包含登录名。</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Password change error</source>
        <translation>密码修改错误</translation>
    </message>
    <message>
        <source>Changing the password</source>
        <translation>正在修改密码</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Change the password and continue (Enter)</source>
        <translation>修改密码并继续（Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sign off without changing the password (Esc)</source>
        <translation>不修改密码，直接签退（Esc）</translation>
    </message>
</context>
<context>
    <name>cs::ui::PinRequest</name>
    <message>
        <source>PIN entry</source>
        <translation>密码输入</translation>
    </message>
    <message>
        <source>Waiting for the customer&apos;s PIN…</source>
        <translation>等待客户输入密码…</translation>
    </message>
    <message>
        <source>The customer types it on the PIN pad; it never shows here. Esc cancels.</source>
        <translation>由客户在密码键盘上输入，密码不会在此显示。按 Esc 取消。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReportExport</name>
    <message>
        <source>Report not saved</source>
        <translation>报表未保存</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation>报表无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>将报表导出为 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>将报表保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReportPrinter</name>
    <message>
        <source>No figures to chart for this period.</source>
        <translation>本期没有可生成图表的数据。</translation>
    </message>
    <message>
        <source>Branch: %1 %2</source>
        <translation>网点：%1 %2</translation>
    </message>
    <message>
        <source>Generated: %1</source>
        <translation>生成时间：%1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>期间：%1</translation>
    </message>
    <message>
        <source>Staff: %1</source>
        <translation>操作员：%1</translation>
    </message>
    <message>
        <source>Currency: %1</source>
        <translation>币种：%1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 共 %2 页</translation>
    </message>
    <message>
        <source>No entries in this period.</source>
        <translation>本期无记录。</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>The report could not be written to %1.</source>
        <translation>报表无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReportsWorkspace</name>
    <message>
        <source>Your role may not read reports.</source>
        <translation>您的角色无权查阅报表。</translation>
    </message>
    <message>
        <source>The period ends before it begins: %1 is after %2.</source>
        <translation>截止日期早于起始日期：起始日期 %1 晚于截止日期 %2。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取%1…</translation>
    </message>
    <message>
        <source>The report could not be read.</source>
        <translation>无法读取报表。</translation>
    </message>
    <message>
        <source>%1 · %2 %3 · period %4 · generated %5 by %6</source>
        <translation>%1 · %2 %3 · 期间 %4 · %6 于 %5 生成</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s).</source>
        <translation>
            <numerusform>%1：共 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as CSV: %1</source>
        <translation>已保存为 CSV：%1</translation>
    </message>
    <message>
        <source>Saved as PDF: %1</source>
        <translation>已保存为 PDF：%1</translation>
    </message>
    <message>
        <source>Cancelled: the report being read will not be shown.</source>
        <translation>已取消：正在读取的报表将不再显示。</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>报表(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>截止(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;eller:</source>
        <translation>柜员(&amp;E)：</translation>
    </message>
    <message>
        <source>your own</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>统计周期(&amp;B)：</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>&amp;Of:</source>
        <translation>统计维度(&amp;O)：</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Payment mode</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>账户类型</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>查询(&amp;S)：</translation>
    </message>
    <message>
        <source>entity, action or staff</source>
        <translation>对象、操作或操作员</translation>
    </message>
    <message>
        <source>&amp;Merchant:</source>
        <translation>商户(&amp;M)：</translation>
    </message>
    <message>
        <source>all merchants</source>
        <translation>全部商户</translation>
    </message>
    <message>
        <source>Report rows</source>
        <translation>报表明细</translation>
    </message>
    <message>
        <source>Report totals</source>
        <translation>报表合计</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Read the report for the period</source>
        <translation>读取所选期间的报表</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Go to the report&apos;s rows</source>
        <translation>转到报表明细</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>查询条件</translation>
    </message>
    <message>
        <source>Go to the choice of report and period</source>
        <translation>转到报表及期间选择</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the report shown as a CSV file</source>
        <translation>将当前报表保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save the report shown as a PDF file</source>
        <translation>将当前报表保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>See the report&apos;s pages and print them</source>
        <translation>预览报表各页并打印</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the report shown</source>
        <translation>打印当前报表</translation>
    </message>
</context>
<context>
    <name>cs::ui::ResetPasswordDialog</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The password of %1 was reset. They must change it at the next sign-on.</source>
        <translation>已重置 %1 的密码。该操作员下次签到时须修改密码。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Give %1 (%2) a temporary password. They must change it at the next sign-on.</source>
        <translation>为 %1（%2）设置临时密码。该操作员下次签到时须修改密码。</translation>
    </message>
    <message>
        <source>Temporary &amp;password:</source>
        <translation>临时密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;E)：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>cs::ui::SettingsModel</name>
    <message>
        <source>Setting</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>参数值</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>修改时间</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Allowed: %1 to %2 yuan.</source>
        <translation>允许范围：%1 至 %2 元。</translation>
    </message>
    <message>
        <source>Allowed: %1 to %2.</source>
        <translation>允许范围：%1 至 %2。</translation>
    </message>
</context>
<context>
    <name>cs::ui::SettingsPage</name>
    <message>
        <source>Nothing to save.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>已保存：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>In capitals: %1</source>
        <translation>大写：%1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the changed settings (%1)</source>
        <translation>保存已修改的参数（%1）</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Forget unsaved changes and fetch the settings again (%1)</source>
        <translation>放弃未保存的修改并重新读取参数（%1）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>参数</translation>
    </message>
</context>
<context>
    <name>cs::ui::StaffFormDialog</name>
    <message>
        <source>The request did not complete.</source>
        <translation>请求未能完成。</translation>
    </message>
</context>
<context>
    <name>cs::ui::StaffModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未签到</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Failed sign-ons</source>
        <translation>签到失败次数</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>须改密码</translation>
    </message>
    <message>
        <source>Last sign-on</source>
        <translation>最近签到</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>cs::ui::StaffPage</name>
    <message>
        <source>%1 was enabled.</source>
        <translation>已启用 %1。</translation>
    </message>
    <message>
        <source>%1 was unlocked.</source>
        <translation>已解锁 %1。</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Login, name, role or state</source>
        <translation>登录名、姓名、角色或状态</translation>
    </message>
    <message>
        <source>Find staff</source>
        <translation>查找操作员</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add a staff member with an initial password</source>
        <translation>添加操作员并设置初始密码</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Stop the selected staff member from signing on</source>
        <translation>禁止所选操作员签到</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Let the selected staff member sign on again</source>
        <translation>允许所选操作员重新签到</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Clear the failed sign-ons of the selected staff member</source>
        <translation>清除所选操作员的签到失败次数</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Give the selected staff member a temporary password</source>
        <translation>为所选操作员设置临时密码</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>变更角色…</translation>
    </message>
    <message>
        <source>Give the selected staff member another role</source>
        <translation>为所选操作员变更角色</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Fetch the staff list again</source>
        <translation>重新读取操作员列表</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Filter the staff list</source>
        <translation>筛选操作员列表</translation>
    </message>
</context>
<context>
    <name>cs::ui::StatementDialog</name>
    <message>
        <source>No lines in this period.</source>
        <translation>此期间没有交易明细。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s), all shown.</source>
        <translation>
            <numerusform>共 %n 笔，已全部显示。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) shown; scroll down for more.</source>
        <translation>
            <numerusform>已显示 %n 笔；向下滚动查看更多。</numerusform>
        </translation>
    </message>
    <message>
        <source>Statement of account %1</source>
        <translation>账户 %1 交易明细</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · balance %4 %5</source>
        <translation>%1 · %2 · %3 · 余额 %4 %5</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始(&amp;F)：</translation>
    </message>
    <message>
        <source>Only lines from this business date on</source>
        <translation>只显示此营业日及以后的明细</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>截止(&amp;T)：</translation>
    </message>
    <message>
        <source>Only lines up to this business date</source>
        <translation>只显示此营业日及以前的明细</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>Show the lines of the chosen period (Enter)</source>
        <translation>显示所选期间的明细（回车）</translation>
    </message>
    <message>
        <source>Statement lines</source>
        <translation>交易明细</translation>
    </message>
    <message>
        <source>Voucher…</source>
        <translation>回单…</translation>
    </message>
    <message>
        <source>Preview and print the voucher of the selected cash transaction (%1)</source>
        <translation>预览并打印所选现金交易的回单（%1）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the statement (Esc)</source>
        <translation>关闭明细（Esc）</translation>
    </message>
</context>
<context>
    <name>cs::ui::StatementModel</name>
    <message>
        <source>Transaction %1</source>
        <translation>交易号 %1</translation>
    </message>
    <message>
        <source>Reverses transaction %1</source>
        <translation>冲正交易号 %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>借方</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>贷方</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
</context>
<context>
    <name>cs::ui::SubscriptionDialog</name>
    <message>
        <source>Subscribed since %1: saving changes this subscription.</source>
        <translation>自 %1 起已订阅：保存将修改此订阅。</translation>
    </message>
    <message>
        <source>Not subscribed yet.</source>
        <translation>尚未订阅。</translation>
    </message>
    <message>
        <source>The customer has no open account to subscribe.</source>
        <translation>客户没有可订阅的正常账户。</translation>
    </message>
    <message>
        <source>No fee.</source>
        <translation>免费。</translation>
    </message>
    <message>
        <source>%1 a month after the trial, which ends on %2; the customer confirmed on %3.</source>
        <translation>试用期至 %2 结束，此后每月 %1；客户已于 %3 确认。</translation>
    </message>
    <message>
        <source>%1 a month after the trial, which ends on %2, and only once the customer confirms the package.</source>
        <translation>试用期至 %2 结束，此后每月 %1，且须客户确认套餐后才收取。</translation>
    </message>
    <message>
        <source>%1 a month after a free trial of %2 days, and only once the customer confirms the package.</source>
        <translation>免费试用 %2 天后每月 %1，且须客户确认套餐后才收取。</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>请求未完成。</translation>
    </message>
    <message>
        <source>SMS notices of %1</source>
        <translation>%1 的短信通知</translation>
    </message>
    <message>
        <source>Which notices %1 receives by SMS for an account, on which mobile phone and in which language, and the fee plan.</source>
        <translation>%1 的某个账户通过短信接收哪些通知、发往哪个手机号、使用何种语言，以及收费方式。</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Mobile phone:</source>
        <translation>手机号(&amp;M)：</translation>
    </message>
    <message>
        <source>11 digits, e.g. 13800138000</source>
        <translation>11 位数字，例如 13800138000</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;What is sent:</source>
        <translation>通知内容(&amp;W)：</translation>
    </message>
    <message>
        <source>E&amp;very movement of the account (counter, ATM, POS)</source>
        <translation>账户每笔变动（柜面、ATM、POS）(&amp;V)</translation>
    </message>
    <message>
        <source>with the &amp;balance after it</source>
        <translation>附变动后余额(&amp;B)</translation>
    </message>
    <message>
        <source>Time deposit ma&amp;turity</source>
        <translation>定期存款到期(&amp;T)</translation>
    </message>
    <message>
        <source>Fee &amp;plan:</source>
        <translation>收费方式(&amp;P)：</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>Package (monthly fee)</source>
        <translation>套餐（按月收费）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>cs::ui::SubscriptionsModel</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知内容</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Fee plan</source>
        <translation>收费方式</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>cs::ui::SubscriptionsPanel</name>
    <message>
        <source>No account of %1 is subscribed to SMS notices; %2 subscribes one.</source>
        <translation>%1 没有账户订阅短信通知；按 %2 办理订阅。</translation>
    </message>
    <message>
        <source>No account of %1 is subscribed to SMS notices.</source>
        <translation>%1 没有账户订阅短信通知。</translation>
    </message>
    <message>
        <source>SMS notices of account %1 changed: %2 to %3.</source>
        <translation>账户 %1 的短信通知已变更：%2，发往 %3。</translation>
    </message>
    <message>
        <source>Account %1 subscribed to SMS notices: %2 to %3.</source>
        <translation>账户 %1 已订阅短信通知：%2，发往 %3。</translation>
    </message>
    <message>
        <source>Cancel SMS notices</source>
        <translation>取消短信通知</translation>
    </message>
    <message>
        <source>Cancel the SMS notices of account %1 to %2? Notices already queued are still sent.</source>
        <translation>取消账户 %1 发往 %2 的短信通知？已排队的通知仍会发送。</translation>
    </message>
    <message>
        <source>SMS notices of account %1 cancelled.</source>
        <translation>账户 %1 的短信通知已取消。</translation>
    </message>
    <message>
        <source>Customer confirms the package</source>
        <translation>客户确认套餐</translation>
    </message>
    <message>
        <source>Has the customer confirmed the SMS notice package of account %1? %2 a month is due after the trial, which ends on %3.</source>
        <translation>客户是否已确认账户 %1 的短信通套餐？试用期至 %3 结束，此后每月收费 %2。</translation>
    </message>
    <message>
        <source>The customer confirmed the SMS notice package of account %1 on %2.</source>
        <translation>客户已于 %2 确认账户 %1 的短信通套餐。</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>请求未完成。</translation>
    </message>
    <message>
        <source>SMS notice subscriptions of the customer</source>
        <translation>客户的短信通知订阅</translation>
    </message>
    <message>
        <source>Subscribe or change…</source>
        <translation>订阅或变更…</translation>
    </message>
    <message>
        <source>Subscribe an account of the customer to SMS notices, or change its subscription</source>
        <translation>为客户的账户订阅短信通知，或变更其订阅</translation>
    </message>
    <message>
        <source>Cancel subscription…</source>
        <translation>取消订阅…</translation>
    </message>
    <message>
        <source>Stop the SMS notices of the selected subscription</source>
        <translation>停止所选订阅的短信通知</translation>
    </message>
    <message>
        <source>Customer confirms package…</source>
        <translation>客户确认套餐…</translation>
    </message>
    <message>
        <source>Record that the customer confirmed the paid package: its fee is due after the trial</source>
        <translation>记录客户已确认收费套餐：试用期后开始收费</translation>
    </message>
</context>
<context>
    <name>cs::ui::TerminalGatewaySecret</name>
    <message>
        <source>Type the gateway&apos;s password.</source>
        <translation>请输入网关密码。</translation>
    </message>
    <message>
        <source>This terminal has no place to keep the gateway&apos;s password.</source>
        <translation>本终端无处保存网关密码。</translation>
    </message>
</context>
<context>
    <name>cs::ui::TransferConfirmation</name>
    <message>
        <source>From %1, %2</source>
        <translation>付款：%1，%2</translation>
    </message>
    <message>
        <source>To %1, %2, at bank %3</source>
        <translation>收款：%1，%2，收款行 %3</translation>
    </message>
    <message>
        <source>To %1, %2</source>
        <translation>收款：%1，%2</translation>
    </message>
    <message>
        <source>Route %1 · fee %2%3 · balance after %4</source>
        <translation>汇路 %1 · 手续费 %2%3 · 交易后余额 %4</translation>
    </message>
    <message>
        <source> (waiver asked)</source>
        <translation>（申请减免）</translation>
    </message>
    <message>
        <source>Remarks: %1</source>
        <translation>附言：%1</translation>
    </message>
    <message>
        <source>Read the transfer back to the customer before it is done.</source>
        <translation>办理前请向客户复述转账信息，经客户确认。</translation>
    </message>
    <message>
        <source>A supervisor must approve it: the funds are held until then.</source>
        <translation>须经主管审批：审批完成前资金暂予止付。</translation>
    </message>
    <message>
        <source>It posts at once.</source>
        <translation>将立即记账。</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Post transfer</source>
        <translation>确认转账</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车键</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Esc: back to the slip</source>
        <translation>Esc：返回录入界面</translation>
    </message>
</context>
<context>
    <name>cs::ui::TransferNames</name>
    <message>
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已记账</translation>
    </message>
    <message>
        <source>Queued for the next window</source>
        <translation>待下一营业窗口发送</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>清算成功</translation>
    </message>
    <message>
        <source>Rejected by the network</source>
        <translation>清算系统拒绝</translation>
    </message>
    <message>
        <source>Refused by the checker</source>
        <translation>复核拒绝</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
</context>
<context>
    <name>cs::ui::TransferSlip</name>
    <message>
        <source>A supervisor must approve this transfer; the funds are held until then.</source>
        <translation>该笔转账须经主管审批；审批完成前资金暂予止付。</translation>
    </message>
    <message>
        <source>Within your authority: it posts at once.</source>
        <translation>在您的权限范围内：将立即记账。</translation>
    </message>
    <message>
        <source>HVPS is closed now: it is sent in the next window.</source>
        <translation>大额实时支付系统当前未开放：将顺延至下一营业窗口发送。</translation>
    </message>
    <message>
        <source>Key the payer&apos;s account.</source>
        <translation>请输入付款人账号。</translation>
    </message>
    <message>
        <source>The bank code has 12 digits, the last a check digit; check it against the slip.</source>
        <translation>行号为 12 位数字，末位为校验位；请与凭条核对。</translation>
    </message>
    <message>
        <source>Key the payee&apos;s account.</source>
        <translation>请输入收款人账号。</translation>
    </message>
    <message>
        <source>Key the payee&apos;s name as the slip gives it.</source>
        <translation>请按凭条输入收款人户名。</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账号(&amp;A)：</translation>
    </message>
    <message>
        <source>Payer&apos;s account number</source>
        <translation>付款人账号</translation>
    </message>
    <message>
        <source>Payer&apos;s account</source>
        <translation>付款人账号</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>户名：</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>可用余额：</translation>
    </message>
    <message>
        <source>&amp;Within the bank</source>
        <translation>行内(&amp;W)</translation>
    </message>
    <message>
        <source>To an&amp;other bank</source>
        <translation>跨行(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Bank code:</source>
        <translation>收款行行号(&amp;B)：</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 位数字</translation>
    </message>
    <message>
        <source>Payee&apos;s bank code</source>
        <translation>收款行行号</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>账号(&amp;C)：</translation>
    </message>
    <message>
        <source>At the payee&apos;s bank</source>
        <translation>收款人在收款行的账号</translation>
    </message>
    <message>
        <source>Payee&apos;s account number</source>
        <translation>收款人账号</translation>
    </message>
    <message>
        <source>Payee&apos;s account</source>
        <translation>收款人账号</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>户名(&amp;N)：</translation>
    </message>
    <message>
        <source>As written on the slip</source>
        <translation>按凭条填写</translation>
    </message>
    <message>
        <source>Looked up from the account</source>
        <translation>根据账号自动带出</translation>
    </message>
    <message>
        <source>Payee&apos;s name</source>
        <translation>收款人户名</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>金额(&amp;M)：</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>e.g. 1,000.00</source>
        <translation>例如 1,000.00</translation>
    </message>
    <message>
        <source>&amp;Remarks:</source>
        <translation>附言(&amp;R)：</translation>
    </message>
    <message>
        <source>Optional, printed on the voucher</source>
        <translation>选填，打印在回单上</translation>
    </message>
    <message>
        <source>Wai&amp;ve the fee (a supervisor approves)</source>
        <translation>减免手续费（须主管审批）(&amp;V)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>汇路：</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>手续费：</translation>
    </message>
    <message>
        <source>Balance after:</source>
        <translation>交易后余额：</translation>
    </message>
    <message>
        <source>Available after:</source>
        <translation>交易后可用余额：</translation>
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
        <translation>已减免</translation>
    </message>
    <message>
        <source>Transfer %1, request %2</source>
        <translation>转账 %1，请求编号 %2</translation>
    </message>
    <message>
        <source>Payee bank %1</source>
        <translation>收款行 %1</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>交易号 %1</translation>
    </message>
    <message>
        <source>Clearing message %1 (%2)</source>
        <translation>清算报文 %1（%2）</translation>
    </message>
    <message>
        <source>Network&apos;s reason: %1</source>
        <translation>清算系统原因：%1</translation>
    </message>
    <message>
        <source>Remarks: %1</source>
        <translation>附言：%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>汇路</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批编号</translation>
    </message>
</context>
<context>
    <name>cs::ui::TransfersWorkspace</name>
    <message>
        <source>The transfer did not complete.</source>
        <translation>转账未能完成。</translation>
    </message>
    <message>
        <source>Nothing was done: %1</source>
        <translation>未办理：%1</translation>
    </message>
    <message>
        <source>Transfer %1 of %2 is waiting for approval no. %3: the funds are held until a supervisor decides.</source>
        <translation>转账 %1（金额 %2）正在等待审批（审批编号 %3）：主管审批前资金暂予止付。</translation>
    </message>
    <message>
        <source>Transfer %1 of %2 posted: transaction %3, the payer&apos;s balance is now %4.</source>
        <translation>转账 %1（金额 %2）已记账：交易号 %3，付款人账户余额现为 %4。</translation>
    </message>
    <message>
        <source>Transfer %1 of %2 is queued: %3 sends it in its next window.</source>
        <translation>转账 %1（金额 %2）已排队：将由%3在下一营业窗口发送。</translation>
    </message>
    <message>
        <source>Transfer %1 of %2 sent by %3, message %4.</source>
        <translation>转账 %1（金额 %2）已通过%3发送，报文号 %4。</translation>
    </message>
    <message>
        <source>Transfer %1 of %2: %3.</source>
        <translation>转账 %1（金额 %2）：%3。</translation>
    </message>
    <message>
        <source>%1 prints the voucher.</source>
        <translation>按 %1 打印回单。</translation>
    </message>
    <message>
        <source>It had already been entered under this request; nothing was done twice.</source>
        <translation>此请求此前已录入，未重复办理。</translation>
    </message>
    <message>
        <source>Transfer %1 is now: %2.</source>
        <translation>转账 %1 当前状态：%2。</translation>
    </message>
    <message>
        <source>Request %1 cancelled: transfer %2 will not be made and its funds are released.</source>
        <translation>申请 %1 已撤销：转账 %2 不再办理，止付资金已解除。</translation>
    </message>
    <message>
        <source>Today&apos;s transfers</source>
        <translation>今日转账</translation>
    </message>
    <message>
        <source>Your role may look at the branch&apos;s transfers but not enter them.</source>
        <translation>您的角色可查看本网点的转账，但不能录入。</translation>
    </message>
    <message>
        <source>New transfer</source>
        <translation>新建转账</translation>
    </message>
    <message>
        <source>Clear the slip for the next transfer</source>
        <translation>清空录入界面，办理下一笔转账</translation>
    </message>
    <message>
        <source>Print voucher…</source>
        <translation>打印回单…</translation>
    </message>
    <message>
        <source>Preview and print the voucher of the selected transfer</source>
        <translation>预览并打印所选转账的回单</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save the voucher of the selected transfer as a PDF file</source>
        <translation>将所选转账的回单保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>撤销申请</translation>
    </message>
    <message>
        <source>Withdraw the selected transfer while it waits for approval</source>
        <translation>撤回待审批的所选转账</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>转账列表</translation>
    </message>
    <message>
        <source>Go to today&apos;s transfers</source>
        <translation>转到今日转账</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read today&apos;s transfers again</source>
        <translation>重新读取今日转账</translation>
    </message>
</context>
<context>
    <name>cs::ui::Voucher</name>
    <message>
        <source>Cash deposit voucher</source>
        <translation>现金存款回单</translation>
    </message>
    <message>
        <source>Cash withdrawal voucher</source>
        <translation>现金取款回单</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message>
        <source>Business date: %1</source>
        <translation>营业日：%1</translation>
    </message>
    <message>
        <source>Transaction no.: %1</source>
        <translation>交易号：%1</translation>
    </message>
    <message>
        <source>Cash deposit</source>
        <translation>现金存款</translation>
    </message>
    <message>
        <source>Cash withdrawal</source>
        <translation>现金取款</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Amount in capitals</source>
        <translation>金额（大写）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额（小写）</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>交易后余额</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Teller: %1</source>
        <translation>柜员：%1</translation>
    </message>
    <message>
        <source>Customer signature:</source>
        <translation>客户签字：</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>请求号 %1</translation>
    </message>
    <message>
        <source>The voucher could not be printed.</source>
        <translation>回单无法打印。</translation>
    </message>
    <message>
        <source>The voucher could not be written to %1.</source>
        <translation>回单无法写入 %1。</translation>
    </message>
    <message>
        <source>Save the voucher as PDF</source>
        <translation>将回单保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Voucher not saved</source>
        <translation>回单未保存</translation>
    </message>
    <message>
        <source>Interbank transfer voucher</source>
        <translation>跨行转账回单</translation>
    </message>
    <message>
        <source>Transfer voucher</source>
        <translation>转账回单</translation>
    </message>
    <message>
        <source>%1 (waived)</source>
        <translation>%1（已减免）</translation>
    </message>
    <message>
        <source>Payer account</source>
        <translation>付款人账号</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人户名</translation>
    </message>
    <message>
        <source>Payee account</source>
        <translation>收款人账号</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>收款人户名</translation>
    </message>
    <message>
        <source>Payee bank code</source>
        <translation>收款行行号</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>汇路</translation>
    </message>
    <message>
        <source>Clearing message</source>
        <translation>清算报文号</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>附言</translation>
    </message>
    <message>
        <source>Approval no.</source>
        <translation>审批编号</translation>
    </message>
    <message>
        <source>Card issuance voucher (reprint)</source>
        <translation>发卡凭证（补打）</translation>
    </message>
    <message>
        <source>Card issuance voucher</source>
        <translation>发卡凭证</translation>
    </message>
    <message>
        <source>Card record: %1</source>
        <translation>卡记录号：%1</translation>
    </message>
    <message>
        <source>Overdraft limit</source>
        <translation>透支额度</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Product default</source>
        <translation>产品默认值</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Cardholder</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <source>Card product</source>
        <translation>卡产品</translation>
    </message>
    <message>
        <source>Settlement account</source>
        <translation>结算账户</translation>
    </message>
    <message>
        <source>Card account</source>
        <translation>卡账户</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Set by the cardholder</source>
        <translation>已由持卡人设置</translation>
    </message>
    <message>
        <source>Not set yet</source>
        <translation>尚未设置</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <source>Sign the back of the card. Keep the PIN secret; the bank never asks for it.</source>
        <translation>请在卡片背面签名。请妥善保管密码，银行工作人员不会向您索要密码。</translation>
    </message>
    <message>
        <source>Cardholder signature:</source>
        <translation>持卡人签字：</translation>
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
    <message>
        <source>The card key is installed on this terminal.</source>
        <translation>卡密钥已安装到本终端。</translation>
    </message>
</context>
</TS>
