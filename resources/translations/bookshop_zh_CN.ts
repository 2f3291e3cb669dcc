<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Bookshop</source>
        <translation>关于书店</translation>
    </message>
    <message>
        <source>Asking the database…</source>
        <translation>正在询问数据库…</translation>
    </message>
    <message>
        <source>Bookshop %1</source>
        <translation>书店 %1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>not reachable now</source>
        <translation>暂时无法连接</translation>
    </message>
</context>
<context>
    <name>AddressBookPage</name>
    <message>
        <source>My addresses</source>
        <translation>我的收货地址</translation>
    </message>
    <message>
        <source>Add a new address</source>
        <translation>新增收货地址</translation>
    </message>
    <message>
        <source>No address yet. Add one so the shop knows where to send your books.</source>
        <translation>还没有收货地址。添加一个，书店才知道把书寄到哪里。</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Make default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>AddressChooser</name>
    <message>
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <source>Add a new address</source>
        <translation>新增收货地址</translation>
    </message>
</context>
<context>
    <name>AddressForm</name>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile phone number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <source>Street, building, room</source>
        <translation>街道、楼栋、门牌号</translation>
    </message>
    <message>
        <source>Postcode (optional)</source>
        <translation>邮政编码（选填）</translation>
    </message>
    <message>
        <source>Use as my default address</source>
        <translation>设为默认地址</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Province / city / district</source>
        <translation>省 / 市 / 区</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save address</source>
        <translation>保存地址</translation>
    </message>
    <message>
        <source>Change address</source>
        <translation>修改地址</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>新地址</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Administrator&apos;s approval</source>
        <translation>管理员批准</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Approve and save</source>
        <translation>批准并保存</translation>
    </message>
</context>
<context>
    <name>BookEditor</name>
    <message>
        <source>Edit book</source>
        <translation>编辑图书</translation>
    </message>
    <message>
        <source>Add a book</source>
        <translation>添加图书</translation>
    </message>
    <message>
        <source>ISBN-10 or ISBN-13</source>
        <translation>ISBN-10 或 ISBN-13</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>C&amp;hoose image…</source>
        <translation>选择图片(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;No image</source>
        <translation>无图片(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>书名(&amp;T)</translation>
    </message>
    <message>
        <source>A&amp;uthor</source>
        <translation>作者(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;ISBN</source>
        <translation>ISBN(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>价格(&amp;P)</translation>
    </message>
    <message>
        <source>St&amp;ock</source>
        <translation>库存(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a cover image</source>
        <translation>选择封面图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</translation>
    </message>
    <message>
        <source>A book needs a title.</source>
        <translation>图书必须有书名。</translation>
    </message>
    <message>
        <source>This ISBN&apos;s check digit is wrong: check for a typo.</source>
        <translation>此 ISBN 的校验位不对，请检查是否输错。</translation>
    </message>
    <message>
        <source>A price is 0 or more, with at most two decimals.</source>
        <translation>价格须为 0 或以上，最多两位小数。</translation>
    </message>
</context>
<context>
    <name>BookPanel</name>
    <message>
        <source>Choose a book to see it here, or scan its barcode.</source>
        <translation>选择一本书在此查看，或扫描其条形码。</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Add to cart</source>
        <translation>加入购物车</translation>
    </message>
    <message>
        <source>Buy now</source>
        <translation>立即购买</translation>
    </message>
    <message>
        <source>Unknown author</source>
        <translation>作者不详</translation>
    </message>
    <message>
        <source>Sold by %1</source>
        <translation>由 %1 销售</translation>
    </message>
    <message>
        <source>ISBN %1</source>
        <translation>ISBN %1</translation>
    </message>
    <message>
        <source>List price %1</source>
        <translation>标价 %1</translation>
    </message>
    <message>
        <source>Your VIP price %1</source>
        <translation>您的 VIP 价 %1</translation>
    </message>
    <message>
        <source>Price %1</source>
        <translation>价格 %1</translation>
    </message>
</context>
<context>
    <name>BookPicker</name>
    <message>
        <source>Add a book to the order</source>
        <translation>向订单添加图书</translation>
    </message>
    <message>
        <source>Title, author or ISBN</source>
        <translation>书名、作者或 ISBN</translation>
    </message>
    <message>
        <source>Books</source>
        <translation>图书</translation>
    </message>
    <message>
        <source>Add to order</source>
        <translation>加入订单</translation>
    </message>
    <message>
        <source>%1 — %2 · %3 in stock</source>
        <translation>%1 — %2 · 库存 %3</translation>
    </message>
</context>
<context>
    <name>BuyerWindow</name>
    <message>
        <source>Bookshop — %1</source>
        <translation>书店 — %1</translation>
    </message>
    <message>
        <source>Added %1 × %2 to your cart.</source>
        <translation>已将 %1 × %2 加入购物车。</translation>
    </message>
    <message>
        <source>Paid. Thank you! The shop will ship soon.</source>
        <translation>付款成功，谢谢！书店会尽快发货。</translation>
    </message>
    <message>
        <source>Bookshop</source>
        <translation>书店</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>图书</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>书店</translation>
    </message>
    <message>
        <source>Your price</source>
        <translation>您的价格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>%1 each</source>
        <translation>每本 %1</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Only %1 in stock</source>
        <translation>仅剩 %1 本</translation>
    </message>
</context>
<context>
    <name>CartPage</name>
    <message>
        <source>Your cart</source>
        <translation>购物车</translation>
    </message>
    <message>
        <source>Your cart is empty. Find a book in the catalog and add it.</source>
        <translation>购物车是空的。去图书目录找一本书加进来吧。</translation>
    </message>
    <message>
        <source>Browse the catalog</source>
        <translation>浏览图书目录</translation>
    </message>
    <message>
        <source>Choose all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>生成订单</translation>
    </message>
    <message>
        <source>Cart lines</source>
        <translation>购物车明细</translation>
    </message>
    <message>
        <source>To order</source>
        <translation>下单</translation>
    </message>
    <message>
        <source>One order is made per shop; each pays its own shipping.</source>
        <translation>每家书店生成一个订单，各付各的运费。</translation>
    </message>
    <message>
        <source>Quantity of %1</source>
        <translation>%1 的数量</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Tick the books you want to order first.</source>
        <translation>请先勾选要下单的图书。</translation>
    </message>
    <message>
        <source>%1 + %2 shipping</source>
        <translation>%1 + 运费 %2</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>%1 by %2, %3, %4</source>
        <translation>%1，%2 著，%3，%4</translation>
    </message>
    <message>
        <source>unknown author</source>
        <translation>作者不详</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Only %1 left</source>
        <translation>仅剩 %1 本</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>书名</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>库存不足</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Search title, author or ISBN — or scan a barcode</source>
        <translation>搜索书名、作者或 ISBN，或扫描条形码</translation>
    </message>
    <message>
        <source>Title, author or ISBN</source>
        <translation>书名、作者或 ISBN</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>搜索图书目录</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>书店</translation>
    </message>
    <message>
        <source>All shops</source>
        <translation>全部书店</translation>
    </message>
    <message>
        <source>Books</source>
        <translation>图书</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>No book has the ISBN %1.</source>
        <translation>没有 ISBN 为 %1 的图书。</translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Try other words, or clear the search.</source>
        <translation>没有与“%1”匹配的图书。换个词试试，或清除搜索。</translation>
    </message>
    <message>
        <source>This shop has no books on sale yet.</source>
        <translation>这家书店还没有在售的图书。</translation>
    </message>
    <message>
        <source>No books on sale yet.</source>
        <translation>还没有在售的图书。</translation>
    </message>
</context>
<context>
    <name>CatalogPane</name>
    <message>
        <source>Title, author or ISBN</source>
        <translation>书名、作者或 ISBN</translation>
    </message>
    <message>
        <source>&amp;Add book…</source>
        <translation>添加图书(&amp;A)…</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>编辑(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Books</source>
        <translation>图书</translation>
    </message>
    <message>
        <source>Book saved.</source>
        <translation>图书已保存。</translation>
    </message>
    <message>
        <source>Import books from CSV</source>
        <translation>从 CSV 导入图书</translation>
    </message>
    <message>
        <source>Importing books…</source>
        <translation>正在导入图书…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>%1 added, %2 updated, %3 unchanged, %4 refused.</source>
        <translation>新增 %1，更新 %2，未变 %3，拒绝 %4。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>…and %1 more.</source>
        <translation>……还有 %1 条。</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>导入已停止</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 rows. Those rows are saved; import the same file again to finish it.</source>
        <translation>已在导入 %1 行（共 %2 行）后停止。这些行已保存；再次导入同一文件即可完成。</translation>
    </message>
    <message>
        <source>Export books to CSV</source>
        <translation>将图书导出为 CSV</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n book(s).</source>
        <translation>
            <numerusform>已导出 %n 本书。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <source>No books match.</source>
        <translation>没有匹配的图书。</translation>
    </message>
    <message numerus="yes">
        <source>%n+ book(s)</source>
        <translation>
            <numerusform>%n+ 本书</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n book(s)</source>
        <translation>
            <numerusform>%n 本书</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Courier</name>
    <message>
        <source>SF Express</source>
        <translation>顺丰速运</translation>
    </message>
    <message>
        <source>EMS</source>
        <translation>邮政 EMS</translation>
    </message>
    <message>
        <source>JD Logistics</source>
        <translation>京东物流</translation>
    </message>
    <message>
        <source>ZTO Express</source>
        <translation>中通快递</translation>
    </message>
    <message>
        <source>YTO Express</source>
        <translation>圆通速递</translation>
    </message>
    <message>
        <source>STO Express</source>
        <translation>申通快递</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Bookshop</source>
        <translation>书店</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>图书目录</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>购物车</translation>
    </message>
    <message>
        <source>My orders</source>
        <translation>我的订单</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Cart (%1)</source>
        <translation>购物车 (%1)</translation>
    </message>
    <message>
        <source>Standard prices</source>
        <translation>标准价</translation>
    </message>
    <message>
        <source>VIP: %1% off</source>
        <translation>VIP：优惠 %1%</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>变动后余额</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <source>Balance history</source>
        <translation>余额明细</translation>
    </message>
    <message>
        <source>Show &amp;older</source>
        <translation>显示更早的(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Choose a buyer above to see every change to their balance.</source>
        <translation>在上方选择一位买家，查看其余额的每一笔变动。</translation>
    </message>
    <message>
        <source>No change to this buyer&apos;s balance yet.</source>
        <translation>该买家的余额还没有任何变动。</translation>
    </message>
    <message>
        <source>Export balance history</source>
        <translation>导出余额明细</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n balance entry(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 条余额记录保存到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>VIP ratio</source>
        <translation>VIP 折扣率</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
</context>
<context>
    <name>MembersPane</name>
    <message>
        <source>Find a buyer by username</source>
        <translation>按用户名查找买家</translation>
    </message>
    <message>
        <source>Choose a buyer</source>
        <translation>选择一位买家</translation>
    </message>
    <message>
        <source>Amount to add</source>
        <translation>充值金额</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Shop staff</source>
        <translation>书店店员</translation>
    </message>
    <message>
        <source>&amp;Top up…</source>
        <translation>充值(&amp;T)…</translation>
    </message>
    <message>
        <source>e.g. 50.00</source>
        <translation>例如 50.00</translation>
    </message>
    <message>
        <source>&amp;Add to the store balance (cash or card at the counter):</source>
        <translation>充入店内余额（在柜台付现金或刷卡）(&amp;A)：</translation>
    </message>
    <message>
        <source>VIP ratio</source>
        <translation>VIP 折扣率</translation>
    </message>
    <message>
        <source>Set &amp;VIP ratio</source>
        <translation>设置 VIP 折扣(&amp;V)</translation>
    </message>
    <message>
        <source>Share of the list price this buyer &amp;pays:</source>
        <translation>该买家按定价支付的比例(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;reate account</source>
        <translation>创建账户(&amp;R)</translation>
    </message>
    <message>
        <source>User&amp;name</source>
        <translation>用户名(&amp;N)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <source>A&amp;ccount</source>
        <translation>账户类型(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;hop</source>
        <translation>书店(&amp;H)</translation>
    </message>
    <message>
        <source>VIP rat&amp;io</source>
        <translation>VIP 折扣(&amp;I)</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新账户</translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation>余额 %1</translation>
    </message>
    <message>
        <source>VIP ratio %1</source>
        <translation>VIP 折扣率 %1</translation>
    </message>
    <message>
        <source>Add %1 to %2&apos;s balance? It will then be %3.</source>
        <translation>给 %2 的余额充值 %1？充值后为 %3。</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Added %1 to %2&apos;s balance; it is now %3.</source>
        <translation>已给 %2 的余额充值 %1，现为 %3。</translation>
    </message>
    <message>
        <source>%1&apos;s VIP ratio was changed.</source>
        <translation>%1 的 VIP 折扣率已修改。</translation>
    </message>
    <message>
        <source>Account %1 was created.</source>
        <translation>账户 %1 已创建。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
</context>
<context>
    <name>MerchantWindow</name>
    <message>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Bookshop — %1</source>
        <translation>书店 — %1</translation>
    </message>
    <message>
        <source>Bookshop — Administration</source>
        <translation>书店 — 管理</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>图书目录</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Sign o&amp;ut</source>
        <translation>退出登录(&amp;U)</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Cancel order #%1? You have paid for it, so %2 goes back to your balance.</source>
        <translation>取消订单 #%1？您已付款，%2 将退回您的余额。</translation>
    </message>
    <message>
        <source>Cancel order #%1? You have not paid for it, so no money moves.</source>
        <translation>取消订单 #%1？您尚未付款，不涉及退款。</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>取消此订单</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Have you received every book of order #%1?</source>
        <translation>订单 #%1 的书您都收到了吗？</translation>
    </message>
    <message>
        <source>Confirm receipt</source>
        <translation>确认收货</translation>
    </message>
    <message>
        <source>Yes, I have them</source>
        <translation>是的，都收到了</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>还没有</translation>
    </message>
    <message>
        <source>Thank you! Order #%1 is marked as received. You can review it now.</source>
        <translation>谢谢！订单 #%1 已确认收货，现在可以评价了。</translation>
    </message>
    <message>
        <source>Bookshop</source>
        <translation>书店</translation>
    </message>
</context>
<context>
    <name>OrderAddressPanel</name>
    <message>
        <source>Keep the address</source>
        <translation>保留原地址</translation>
    </message>
    <message>
        <source>Send it here</source>
        <translation>寄到这里</translation>
    </message>
</context>
<context>
    <name>OrderDetailPage</name>
    <message>
        <source>Order lines</source>
        <translation>订单明细</translation>
    </message>
    <message>
        <source>Change address</source>
        <translation>修改收货地址</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Back to my orders</source>
        <translation>返回我的订单</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Confirm receipt</source>
        <translation>确认收货</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Order #%1 · %2</source>
        <translation>订单 #%1 · %2</translation>
    </message>
    <message>
        <source>Placed %1</source>
        <translation>下单于 %1</translation>
    </message>
    <message>
        <source>No address yet: choose where to send it.</source>
        <translation>还没有收货地址：请选择寄送地址。</translation>
    </message>
    <message>
        <source>Your review: %1</source>
        <translation>您的评价：%1</translation>
    </message>
</context>
<context>
    <name>OrderEditor</name>
    <message>
        <source>Order #%1</source>
        <translation>订单 #%1</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>明细(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <source>&amp;Add book…</source>
        <translation>添加图书(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>删除此行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Packing slip…</source>
        <translation>装箱单(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>撤销修改(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Order #%1 · %2</source>
        <translation>订单 #%1 · %2</translation>
    </message>
    <message>
        <source>%1 · created %2</source>
        <translation>%1 · 创建于 %2</translation>
    </message>
    <message>
        <source>Ship to: %1</source>
        <translation>收货：%1</translation>
    </message>
    <message>
        <source>no address given</source>
        <translation>未填写地址</translation>
    </message>
    <message>
        <source>Shipped with %1, waybill %2</source>
        <translation>已由%1发出，运单号 %2</translation>
    </message>
    <message>
        <source>The buyer has paid for this order, so its lines can no longer be changed.</source>
        <translation>买家已为此订单付款，明细不能再修改。</translation>
    </message>
    <message>
        <source>This order has been shipped, so its lines can no longer be changed.</source>
        <translation>此订单已发货，明细不能再修改。</translation>
    </message>
    <message>
        <source>This order has been received, so its lines can no longer be changed.</source>
        <translation>此订单已收货，明细不能再修改。</translation>
    </message>
    <message>
        <source>This order is completed, so its lines can no longer be changed.</source>
        <translation>此订单已完成，明细不能再修改。</translation>
    </message>
    <message>
        <source>This order was cancelled, so its lines can no longer be changed.</source>
        <translation>此订单已取消，明细不能再修改。</translation>
    </message>
    <message>
        <source>Items %1</source>
        <translation>商品 %1</translation>
    </message>
    <message>
        <source>+ shipping %1</source>
        <translation>+ 运费 %1</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <source>Correct the values marked in red before saving.</source>
        <translation>请先更正标红的数值再保存。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>An administrator can approve this cut by typing their own user name and password.</source>
        <translation>管理员输入自己的用户名和密码即可批准此次降价。</translation>
    </message>
    <message>
        <source>The order is no longer waiting for payment (the buyer may have paid or cancelled it), so it cannot be edited.</source>
        <translation>此订单已不在待付款状态（买家可能已付款或取消），无法编辑。</translation>
    </message>
    <message>
        <source>Your changes were not saved. The order has been reloaded as it is now.</source>
        <translation>您的修改未保存。订单已按当前状态重新载入。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Order #%1 has changes that are not saved. Discard them?</source>
        <translation>订单 #%1 有未保存的修改。要放弃吗？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>OrderHistory</name>
    <message>
        <source>Lines edited</source>
        <translation>修改明细</translation>
    </message>
    <message>
        <source>Marked shipped</source>
        <translation>标记发货</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>total %1 → %2</source>
        <translation>合计 %1 → %2</translation>
    </message>
    <message>
        <source>price cut approved by %1</source>
        <translation>降价由 %1 批准</translation>
    </message>
    <message>
        <source>refunded %1</source>
        <translation>退款 %1</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <source>Book</source>
        <translation>图书</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Line money</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>A quantity is a whole number from 1 to %1.</source>
        <translation>数量须为 1 到 %1 之间的整数。</translation>
    </message>
    <message>
        <source>An amount of money, 0 or more, with at most two decimal places.</source>
        <translation>金额须为 0 或以上，最多两位小数。</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>Pending payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <source>Pending shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>待评价</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>待付款</translation>
    </message>
    <message>
        <source>To ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待评价</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>书店</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>寄往</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>No orders here yet.</source>
        <translation>这里还没有订单。</translation>
    </message>
    <message>
        <source>Browse the catalog</source>
        <translation>浏览图书目录</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Confirm receipt</source>
        <translation>确认收货</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>My addresses</source>
        <translation>我的收货地址</translation>
    </message>
    <message>
        <source>My orders</source>
        <translation>我的订单</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>全部 (%1)</translation>
    </message>
</context>
<context>
    <name>OrdersPane</name>
    <message>
        <source>Order number or buyer</source>
        <translation>订单号或买家</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>最早在前</translation>
    </message>
    <message>
        <source>Highest total</source>
        <translation>合计最高</translation>
    </message>
    <message>
        <source>Lowest total</source>
        <translation>合计最低</translation>
    </message>
    <message>
        <source>Today&apos;s parcels as CSV, in the column order a courier&apos;s batch import reads</source>
        <translation>今日包裹导出为 CSV，列的顺序与快递公司批量下单导入一致</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Sor&amp;t:</source>
        <translation>排序(&amp;T)：</translation>
    </message>
    <message>
        <source>Sc&amp;an to ship…</source>
        <translation>扫码发货(&amp;A)…</translation>
    </message>
    <message>
        <source>Today&apos;s shi&amp;pments…</source>
        <translation>今日发货单(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Mark s&amp;hipped</source>
        <translation>标记发货(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Cancel order…</source>
        <translation>取消订单(&amp;C)…</translation>
    </message>
    <message>
        <source>Packing &amp;slip…</source>
        <translation>装箱单(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>No orders match “%1”.</source>
        <translation>没有与“%1”匹配的订单。</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>No orders in “%1”.</source>
        <translation>“%1”中没有订单。</translation>
    </message>
    <message>
        <source>Show all orders</source>
        <translation>显示全部订单</translation>
    </message>
    <message>
        <source>No orders yet. Orders from the kiosks appear here as they come in.</source>
        <translation>还没有订单。自助终端下的订单会随时显示在这里。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>已选 %1 个</translation>
    </message>
    <message>
        <source>Select at most %1 orders at a time.</source>
        <translation>每次最多选择 %1 个订单。</translation>
    </message>
    <message>
        <source>%1 orders are selected. %2</source>
        <translation>已选择 %1 个订单。%2</translation>
    </message>
    <message>
        <source>Order #%1 saved.</source>
        <translation>订单 #%1 已保存。</translation>
    </message>
    <message>
        <source>Export today&apos;s shipments</source>
        <translation>导出今日发货单</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>收件电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>收件地址</translation>
    </message>
    <message>
        <source>Parcel content</source>
        <translation>托寄物内容</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n shipment(s).</source>
        <translation>
            <numerusform>已保存 %n 条发货记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n order(s) shipped.</source>
        <translation>
            <numerusform>已将 %n 个订单标记为发货。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel orders</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Cancel and refund</source>
        <translation>取消并退款</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>保留订单</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 等另外 %2 个</translation>
    </message>
    <message>
        <source>Cancel order %1?</source>
        <translation>取消订单 %1？</translation>
    </message>
    <message>
        <source>The buyer is refunded %1 in full to their store balance.</source>
        <translation>将向买家全额退款 %1 至其店内余额。</translation>
    </message>
    <message>
        <source>Unpaid orders have nothing to refund.</source>
        <translation>未付款的订单无需退款。</translation>
    </message>
    <message>
        <source>The books go back into stock. This cannot be undone.</source>
        <translation>图书将退回库存。此操作无法撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n order(s).</source>
        <translation>
            <numerusform>已取消 %n 个订单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Some orders were not changed</source>
        <translation>部分订单未更改</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>PackingSlip</name>
    <message>
        <source>Packing slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>图书</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Thank you for shopping with us.</source>
        <translation>感谢您的惠顾。</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>No address given</source>
        <translation>未填写地址</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <source>Pay from your store balance</source>
        <translation>用店内余额付款</translation>
    </message>
    <message>
        <source>Pay later</source>
        <translation>稍后付款</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <source>Your balance</source>
        <translation>您的余额</translation>
    </message>
    <message>
        <source>Balance after paying</source>
        <translation>付款后余额</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>还差 %1</translation>
    </message>
    <message>
        <source>Order #%1 · %2</source>
        <translation>订单 #%1 · %2</translation>
    </message>
    <message>
        <source>incl. %1 shipping</source>
        <translation>含运费 %1</translation>
    </message>
    <message>
        <source>The shop changed your order after you placed it. Please check before paying:</source>
        <translation>您下单后书店修改了订单，请在付款前核对：</translation>
    </message>
    <message>
        <source>The shop changed order #%1 after this page showed it: it now costs %2 instead of %3.</source>
        <translation>本页显示后，商家修改了订单 #%1：现在应付 %2，而不是 %3。</translation>
    </message>
    <message>
        <source>The order was changed</source>
        <translation>订单已被修改</translation>
    </message>
    <message>
        <source>Pay %1 now?</source>
        <translation>现在支付 %1 吗？</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>支付 %1</translation>
    </message>
    <message>
        <source>Do not pay</source>
        <translation>暂不支付</translation>
    </message>
    <message>
        <source>Order #%1: total %2 → %3</source>
        <translation>订单 #%1：合计 %2 → %3</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Paid: %1.</source>
        <translation>已付款：%1。</translation>
    </message>
    <message>
        <source>Press Pay again to finish: the same payment is sent, so you are never charged twice.</source>
        <translation>请再次点击“支付”完成：发送的是同一笔付款，绝不会重复扣款。</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Submit order</source>
        <translation>提交订单</translation>
    </message>
    <message>
        <source>Add the address to send your books to first.</source>
        <translation>请先添加收货地址。</translation>
    </message>
    <message>
        <source>The books are set aside for you when you submit. Please pay within %1 minutes.</source>
        <translation>提交后图书将为您保留。请在 %1 分钟内付款。</translation>
    </message>
    <message>
        <source>Check your order</source>
        <translation>核对订单</translation>
    </message>
    <message>
        <source>Check your orders: %1 orders, one per shop</source>
        <translation>核对订单：共 %1 个订单，每家书店一个</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <source>× %1</source>
        <translation>× %1</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>订单合计</translation>
    </message>
</context>
<context>
    <name>ReconnectingNotice</name>
    <message>
        <source>Connection to the shop server lost — reconnecting…</source>
        <translation>与商店服务器的连接已断开，正在重新连接…</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>连接状态</translation>
    </message>
</context>
<context>
    <name>ReportsPane</name>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>Sales per day</source>
        <translation>每日销售额</translation>
    </message>
    <message>
        <source>Top-selling books</source>
        <translation>畅销图书</translation>
    </message>
    <message>
        <source>Orders by status</source>
        <translation>各状态订单</translation>
    </message>
    <message>
        <source>Shipped per day</source>
        <translation>每日发货</translation>
    </message>
    <message>
        <source>The last day comes before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message numerus="yes">
        <source>%n paid order(s), %1</source>
        <translation>
            <numerusform>%n 个已付款订单，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Report saved.</source>
        <translation>报表已保存。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>How was this order?</source>
        <translation>这个订单怎么样？</translation>
    </message>
    <message>
        <source>%1 of 5 stars</source>
        <translation>%1 星（满分 5 星）</translation>
    </message>
    <message>
        <source>A few words for the shop (optional)</source>
        <translation>给书店留几句话（可选）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Submit review</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <source>%1 of %2 stars</source>
        <translation>%1 星（满分 %2 星）</translation>
    </message>
</context>
<context>
    <name>SalesChart</name>
    <message>
        <source>No sales in this period</source>
        <translation>此期间没有销售</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n order(s), %2</source>
        <translation>
            <numerusform>%1：%n 个订单，%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanShipDialog</name>
    <message>
        <source>Scan to ship</source>
        <translation>扫码发货</translation>
    </message>
    <message>
        <source>Scanned code</source>
        <translation>扫描的条码</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Shipped just now</source>
        <translation>刚刚发出</translation>
    </message>
    <message>
        <source>Scan the order barcode on the packing slip.</source>
        <translation>请扫描装箱单上的订单条码。</translation>
    </message>
    <message>
        <source>That is not an order barcode. Scan the packing slip first.</source>
        <translation>这不是订单条码。请先扫描装箱单。</translation>
    </message>
    <message>
        <source>There is no order #%1 in this shop.</source>
        <translation>本店没有订单 #%1。</translation>
    </message>
    <message>
        <source>Order #%1 is not waiting to be shipped (%2).</source>
        <translation>订单 #%1 不在待发货状态（%2）。</translation>
    </message>
    <message>
        <source>No address given</source>
        <translation>未填写地址</translation>
    </message>
    <message>
        <source>Now scan the waybill for order #%1.</source>
        <translation>请扫描订单 #%1 的快递运单。</translation>
    </message>
    <message>
        <source>#%1 shipped, waybill %2</source>
        <translation>#%1 已发货，运单号 %2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Shop database</source>
        <translation>书店数据库</translation>
    </message>
    <message>
        <source>On this computer (a local file)</source>
        <translation>在本机（本地文件）</translation>
    </message>
    <message>
        <source>On a shared server</source>
        <translation>在共享服务器上</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>e.g. shopserver or 192.168.1.10</source>
        <translation>例如 shopserver 或 192.168.1.10</translation>
    </message>
    <message>
        <source>kept in the keyring</source>
        <translation>保存在密钥环中</translation>
    </message>
    <message>
        <source>Server type</source>
        <translation>服务器类型</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>A server with a standby: list both as host:port, separated by commas (PostgreSQL). The program uses the one that accepts writes and moves to the standby by itself when it takes over.</source>
        <translation>带备用服务器的数据库：以 主机:端口 的形式列出两者，用逗号分隔（仅限 PostgreSQL）。程序连接可写入的那一台，备用服务器接管后会自动切换过去。</translation>
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
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>书店</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Charged once on every new order, on every workstation.</source>
        <translation>每个新订单收取一次，所有工作站一致。</translation>
    </message>
    <message>
        <source>Only an administrator can change the shipping fee.</source>
        <translation>只有管理员可以修改运费。</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>A new language shows after the program restarts.</source>
        <translation>新语言在程序重新启动后生效。</translation>
    </message>
    <message>
        <source>Kiosk signs out after</source>
        <translation>自助终端闲置自动退出</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keyring.</source>
        <translation>密码保存在本机的密钥环中。</translation>
    </message>
    <message>
        <source>This computer has no keyring: the password is not stored and is asked for each time the program starts.</source>
        <translation>本机没有密钥环：密码不会保存，每次启动程序时都会询问。</translation>
    </message>
    <message>
        <source>open a database to see it</source>
        <translation>打开数据库后可见</translation>
    </message>
    <message>
        <source>Write each host as a name or address, with its port after a colon if it has its own, such as shopserver:5432,standby:5432.</source>
        <translation>每个主机请写成名称或地址；如有单独的端口，写在冒号后面，例如 shopserver:5432,standby:5432。</translation>
    </message>
    <message>
        <source>Several hosts work with PostgreSQL only: name one MySQL / MariaDB host.</source>
        <translation>只有 PostgreSQL 支持多个主机：MySQL / MariaDB 请只填写一个主机。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected. The database is empty: the shop&apos;s tables will be created when the program opens it.</source>
        <translation>已连接。数据库是空的：程序打开它时会创建书店的数据表。</translation>
    </message>
    <message>
        <source>Connected. The database will be upgraded to this version when the program opens it.</source>
        <translation>已连接。程序打开它时会把数据库升级到此版本。</translation>
    </message>
    <message>
        <source>Connected. The database is ready.</source>
        <translation>已连接。数据库已就绪。</translation>
    </message>
    <message>
        <source>The shipping fee must be an amount such as 22.00.</source>
        <translation>运费须为金额，例如 22.00。</translation>
    </message>
</context>
<context>
    <name>SettingsPane</name>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Charged once on every new order. Orders already made keep the fee they were made with.</source>
        <translation>每个新订单收取一次。已生成的订单保持下单时的运费。</translation>
    </message>
    <message>
        <source>Price cut limit (%)</source>
        <translation>降价上限（%）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the shipping fee</source>
        <translation>保存运费</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <comment>the price cut limit</comment>
        <translation>保存(&amp;V)</translation>
    </message>
    <message>
        <source>Save the price cut limit</source>
        <translation>保存降价上限</translation>
    </message>
    <message>
        <source>Shipping &amp;fee</source>
        <translation>运费(&amp;F)</translation>
    </message>
    <message>
        <source>Price &amp;cut limit (%)</source>
        <translation>降价上限（%）(&amp;C)</translation>
    </message>
    <message>
        <source>How far below its list price staff may set an order line on their own. A deeper cut needs an administrator&apos;s user name and password. Leave empty for no limit.</source>
        <translation>店员可自行将订单行价格降到低于标价的最大幅度。降价更多时需要管理员的用户名和密码。留空表示不限。</translation>
    </message>
    <message>
        <source>The shipping fee is now %1.</source>
        <translation>运费现为 %1。</translation>
    </message>
    <message>
        <source>Staff may now cut prices by up to %1% on their own.</source>
        <translation>店员现在最多可自行降价 %1%。</translation>
    </message>
    <message>
        <source>Staff may now cut prices without limit.</source>
        <translation>店员现在可不受限制地降价。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Cannot open the shop database</source>
        <translation>无法打开书店数据库</translation>
    </message>
    <message>
        <source>This kiosk is for buyers. Staff, please use a workstation.</source>
        <translation>此自助终端供买家使用。店员请使用工作站。</translation>
    </message>
    <message>
        <source>This workstation is for shop staff. Buyers, please use a kiosk.</source>
        <translation>此工作站仅供店员使用。买家请使用自助终端。</translation>
    </message>
    <message>
        <source>Bookshop</source>
        <translation>书店</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Mark shipped</source>
        <translation>标记为已发货</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Scan or type the waybill number</source>
        <translation>扫描或输入运单号</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Each parcel&apos;s waybill number, as the courier printed it.</source>
        <translation>每个包裹的运单号，以快递面单上印的为准。</translation>
    </message>
</context>
<context>
    <name>ShippedDaysModel</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Parcels shipped</source>
        <translation>发出包裹</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Bookshop — Sign in</source>
        <translation>书店 — 登录</translation>
    </message>
    <message>
        <source>Bookshop</source>
        <translation>书店</translation>
    </message>
    <message>
        <source>Welcome! Sign in to browse, order and pay from your store balance.</source>
        <translation>欢迎！登录后即可浏览、下单，并用店内余额付款。</translation>
    </message>
    <message>
        <source>Sign in to your shop or your reader&apos;s account.</source>
        <translation>登录您的书店账户或读者账户。</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>在本机记住我</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Database settings…</source>
        <translation>数据库设置…</translation>
    </message>
    <message>
        <source>Demo accounts (the password is the username):</source>
        <translation>演示账户（密码与用户名相同）：</translation>
    </message>
    <message>
        <source>buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Remembering sign-ins is off: this computer has no secure keyring to keep it in.</source>
        <translation>无法记住登录：本机没有可安全保存的密钥环。</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <source>Packing slip — order #%1</source>
        <translation>装箱单 — 订单 #%1</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>A5 纸</translation>
    </message>
    <message>
        <source>Label 100 × 150 mm</source>
        <translation>面单 100 × 150 毫米</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save packing slip</source>
        <translation>保存装箱单</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The packing slip is saved as %1.</source>
        <translation>装箱单已保存为 %1。</translation>
    </message>
</context>
<context>
    <name>StatusTotalsModel</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>TopBooksModel</name>
    <message>
        <source>Book</source>
        <translation>图书</translation>
    </message>
    <message>
        <source>Copies sold</source>
        <translation>销量（本）</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
</context>
<context>
    <name>TrackingView</name>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>QR code of the tracking number</source>
        <translation>运单号二维码</translation>
    </message>
    <message>
        <source>Scan the code with your phone to follow the parcel.</source>
        <translation>用手机扫描二维码，随时查看包裹动态。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>退出自助终端模式</translation>
    </message>
    <message>
        <source>Staff username</source>
        <translation>店员用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Staff only: sign in to close the kiosk.</source>
        <translation>仅限店员：登录后可关闭自助终端。</translation>
    </message>
    <message>
        <source>Only staff can leave kiosk mode. Check the username and password.</source>
        <translation>只有店员可以退出自助终端模式。请检查用户名和密码。</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <source>Orders waiting to ship</source>
        <translation>等待发货的订单</translation>
    </message>
    <message>
        <source>Ope&amp;n…</source>
        <translation>打开(&amp;N)…</translation>
    </message>
    <message>
        <source>Mark &amp;shipped…</source>
        <translation>标记为已发货(&amp;S)…</translation>
    </message>
    <message>
        <source>Nothing waiting: every paid order has gone out within 48 hours.</source>
        <translation>没有积压：每个已付款订单都在 48 小时内发出了。</translation>
    </message>
    <message>
        <source>Paid over 48 hours ago, not shipped (%1)</source>
        <translation>付款超过 48 小时仍未发货（%1）</translation>
    </message>
    <message numerus="yes">
        <source>Marked %n order(s) shipped.</source>
        <translation>
            <numerusform>已将 %n 个订单标记为已发货。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>寄往</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <source>No database server answers at %1. Check that the server is running and that the host and port are right, and that the network is up.</source>
        <translation>%1 没有数据库服务器响应。请检查服务器是否在运行、主机和端口是否正确、网络是否连通。</translation>
    </message>
    <message>
        <source>No computer has the host name in %1. Check the name for typing mistakes, and that this computer&apos;s network is up.</source>
        <translation>找不到 %1 中的主机名。请检查名称是否拼写有误，以及本机网络是否正常。</translation>
    </message>
    <message>
        <source>Nothing came back in time from %1. The network may be down or very slow, or a firewall may be blocking the way; check the network, then Retry.</source>
        <translation>%1 没有及时回应。网络可能已断开或非常缓慢，也可能被防火墙拦截；请检查网络后点“重试”。</translation>
    </message>
    <message>
        <source>The server at %1 refused the user name or password.</source>
        <translation>%1 的服务器拒绝了该用户名或密码。</translation>
    </message>
    <message>
        <source>The server answers, but it has no database named as in %1. Ask whoever runs the server to create it, or correct the name.</source>
        <translation>服务器有响应，但没有 %1 中所写名称的数据库。请让服务器管理员创建它，或更正名称。</translation>
    </message>
    <message>
        <source>The server at %1 does not let this user or this computer in.</source>
        <translation>%1 的服务器不允许此用户或此计算机连接。</translation>
    </message>
    <message>
        <source>The database at %1 was upgraded by a newer version of Bookshop. Install that version on this computer to use it.</source>
        <translation>%1 的数据库已由更新版本的书店程序升级。请在本机安装该版本后使用。</translation>
    </message>
    <message>
        <source>The file %1 is not a shop database: it may have been replaced by another file. Choose the right file in Settings, or restore the latest backup (see &quot;Backups&quot; in the manual).</source>
        <translation>文件 %1 不是书店数据库：它可能被别的文件替换了。请在“设置”中选择正确的文件，或恢复最近的备份（见使用说明中的“备份”一节）。</translation>
    </message>
    <message>
        <source>The shop database file %1 is damaged. Restore the latest backup (see &quot;Backups&quot; in the manual) and open it again.</source>
        <translation>书店数据库文件 %1 已损坏。请恢复最近的备份（见使用说明中的“备份”一节），然后重新打开。</translation>
    </message>
    <message>
        <source>The shop database file %1 is locked by another program. Close that program, or wait for it to finish, then choose Retry.</source>
        <translation>书店数据库文件 %1 被另一个程序锁定。请关闭该程序或等它完成，然后选择“重试”。</translation>
    </message>
    <message>
        <source>The database at %1 could not be opened.</source>
        <translation>无法打开 %1 的数据库。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
</context>
<context>
    <name>covers</name>
    <message>
        <source>This picture is over %1 MB. Choose a smaller one.</source>
        <translation>这张图片超过 %1 MB，请选择小一些的图片。</translation>
    </message>
    <message>
        <source>This file is not a picture Bookshop can show.</source>
        <translation>这个文件不是本程序能显示的图片。</translation>
    </message>
    <message>
        <source>This picture is %1 × %2 pixels; a cover can be at most %3 pixels a side.</source>
        <translation>这张图片为 %1 × %2 像素；封面每边最多 %3 像素。</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Bookshop: unexpected error</source>
        <translation>书店：意外错误</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>继续工作</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Something went wrong inside Bookshop:
%1

What you were doing may not have finished; check it before going on. The details are in the log:
%2</source>
        <translation>书店程序内部出错：
%1

您刚才的操作可能没有完成，请先检查再继续。详细信息在日志中：
%2</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Your balance is %1 but this order costs %2. Please top up %3 at the counter.</source>
        <translation>您的余额为 %1，但此订单需要 %2。请到柜台充值 %3。</translation>
    </message>
    <message>
        <source>Not enough copies in stock for: %1</source>
        <translation>以下图书库存不足：%1</translation>
    </message>
    <message>
        <source>The shop changed this order meanwhile: it now costs %1. Nothing was charged.</source>
        <translation>商家刚刚修改了此订单：现在应付 %1。未扣任何款项。</translation>
    </message>
    <message>
        <source>Someone else changed this order meanwhile. It has been reloaded; check it and make your change again.</source>
        <translation>此订单刚被他人修改，已重新载入；请核对后再修改一次。</translation>
    </message>
    <message>
        <source>A line is cut more than %1% below its list price. An administrator must approve it.</source>
        <translation>有订单行的价格低于标价超过 %1%，需要管理员批准。</translation>
    </message>
    <message>
        <source>That is not an administrator&apos;s user name and password. Nothing was saved.</source>
        <translation>这不是管理员的用户名和密码。未保存任何内容。</translation>
    </message>
    <message>
        <source>The connection to the shop database was lost while saving, so it is not known yet whether it was saved. Check before doing it again.</source>
        <translation>保存时与商店数据库的连接中断，目前还不知道是否已保存。请先核实，再重新操作。</translation>
    </message>
    <message>
        <source>The shop database is busy with another workstation&apos;s work. Nothing was changed; try again in a moment.</source>
        <translation>书店数据库正忙于处理其他工作站的操作。没有做任何更改，请稍后再试。</translation>
    </message>
    <message>
        <source>The shop database cannot be reached. Nothing was changed.</source>
        <translation>无法连接书店数据库。没有做任何更改。</translation>
    </message>
    <message>
        <source>The shop database file is damaged. Restore the latest backup (see &quot;Backups&quot; in the manual).</source>
        <translation>书店数据库文件已损坏。请恢复最近的备份（见使用说明中的“备份”一节）。</translation>
    </message>
    <message>
        <source>This database was upgraded by a newer version of Bookshop. Please install that version.</source>
        <translation>此数据库已由更新版本的书店程序升级。请安装该版本。</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>您的登录已失效，请重新登录。</translation>
    </message>
    <message>
        <source>Type the receiver&apos;s name (at most %1 characters).</source>
        <translation>请填写收件人姓名（最多 %1 个字）。</translation>
    </message>
    <message>
        <source>Type a phone number of 6 to %1 digits (+, - and spaces may be used).</source>
        <translation>请填写 6 到 %1 位数字的电话号码（可用 +、- 和空格）。</translation>
    </message>
    <message>
        <source>Type the province, city and district (at most %1 characters in all).</source>
        <translation>请填写省、市、区（合计最多 %1 个字）。</translation>
    </message>
    <message>
        <source>Type the street, building and room (at most %1 characters).</source>
        <translation>请填写街道、楼栋和门牌号（最多 %1 个字）。</translation>
    </message>
    <message>
        <source>A postcode is at most %1 letters or digits; leave it empty if unsure.</source>
        <translation>邮编最多 %1 位字母或数字；不确定可以不填。</translation>
    </message>
    <message>
        <source>A waybill number is %1 to %2 letters or digits, as the courier printed it.</source>
        <translation>运单号为 %1 到 %2 位字母或数字，以快递面单上印的为准。</translation>
    </message>
</context>
<context>
    <name>unreachable</name>
    <message>
        <source>Database unreachable</source>
        <translation>无法连接数据库</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>再次核实</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
