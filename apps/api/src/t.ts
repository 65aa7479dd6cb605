import { openDatabase, withTenantTx, employee, organization } from "@bgm/db";
import { sql } from "drizzle-orm";
const h = await openDatabase({});
let t=Date.now(); await h.migrate(); console.log("migrated", Date.now()-t);
await h.db.insert(organization).values([{id:"a",name:"A",slug:"a",kind:"company"},{id:"b",name:"B",slug:"b",kind:"company"}]);
await h.db.insert(employee).values([{orgId:"a",firstName:"x",lastName:"y",email:"x@a",department:"d"},{orgId:"b",firstName:"x",lastName:"y",email:"x@b",department:"d"}]);
const r = await withTenantTx(h.db, "a", async tx => tx.select().from(employee));
console.log(r.map(e=>e.email));
const r2 = await withTenantTx(h.db, "a", async tx => tx.execute(sql`select current_user, count(*) from employee`));
console.log(r2.rows ?? r2);
try { await withTenantTx(h.db, "a", async tx => tx.insert(employee).values({orgId:"b",firstName:"x",lastName:"y",email:"z@b",department:"d"})); } catch(e) { console.log("blocked:", (e as Error).message.slice(0,200)); }
t=Date.now(); const dump = await h.pglite!.dumpDataDir("none"); console.log("dump", Date.now()-t, dump.size);
t=Date.now(); const h2 = await openDatabase({loadDataDir: dump}); console.log("load", Date.now()-t, (await h2.db.select().from(employee)).length);
