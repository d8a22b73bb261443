// What a frontend team does with the generated TypeScript client (@newsdesk/client), compiled with
// tsc --strict and run by TypeScriptClientIT against the packaged server with the demo content:
// read everything a reader can, then as an editor create, patch (a null clears the subtitle),
// publish and import. Writes what it saw as one JSON object on stdout for the test to check.
import {
  ArticlesManagementApi,
  Configuration,
  DeliveryApi,
  ImportResult,
  ImportResultResultEnum,
  ResponseError,
  Status,
} from "@newsdesk/client";

function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(what);
  }
}

const basePath = setting("NEWSDESK_URL");
const token = setting("NEWSDESK_TOKEN");
const delivery = new DeliveryApi(new Configuration({ basePath }));
const articles = new ArticlesManagementApi(
  new Configuration({ basePath, accessToken: async () => token }),
);

async function allCategories(): Promise<string[]> {
  const slugs: string[] = [];
  let page: number | undefined = 1;
  while (page !== undefined) {
    const result = await delivery.listCategories({ page, limit: 2 });
    slugs.push(...result.items.map((category) => category.slug));
    page = result.page.next === null ? undefined : Number(result.page.next);
  }
  return slugs;
}

async function wholeFeed(): Promise<string[]> {
  const slugs: string[] = [];
  let cursor: string | undefined;
  do {
    const result = await delivery.feed({ cursor, limit: 5 });
    for (const teaser of result.items) {
      check(teaser.excerpt.length > 0, `teaser ${teaser.slug} has an excerpt`);
      slugs.push(teaser.slug);
    }
    cursor = result.page.next ?? undefined;
  } while (cursor !== undefined);
  return slugs;
}

async function importLines(lines: object[]): Promise<ImportResult[]> {
  const answer = await articles.importArticles({
    body: lines.map((line) => JSON.stringify(line)).join("\n") + "\n",
  });
  return answer
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as ImportResult);
}

async function main(): Promise<void> {
  const categories = await allCategories();
  const feed = await wholeFeed();
  let read = 0;
  for (const slug of feed) {
    const article = await delivery.getArticle({ slug });
    check(article.slug === slug, `article ${slug} answers with its own slug`);
    check(article.body.html.length > 0, `article ${slug} has a body`);
    read++;
  }

  const draft = await articles.createArticle({
    articleInput: {
      title: "Harbour ferry timetable changes",
      subtitle: "Winter sailings start on Monday",
      category: categories[0],
      body: "The **first** ferry leaves at seven.",
    },
  });
  check(draft.status === Status.Draft, "a new article is a draft");
  const patched = await articles.patchArticle({
    id: draft.id,
    ifMatch: `"${draft.version}"`,
    articlePatch: { title: "Harbour ferry timetable changed", subtitle: null },
  });
  check(patched.subtitle === undefined, "a null in the patch cleared the subtitle");
  let stale: number | undefined;
  try {
    await articles.patchArticle({
      id: draft.id,
      ifMatch: `"${draft.version}"`,
      articlePatch: { subtitle: "An edit from an old copy" },
    });
  } catch (error) {
    if (!(error instanceof ResponseError)) {
      throw error;
    }
    stale = error.response.status;
  }
  const live = await articles.publishArticle({ id: patched.id });
  check(live.status === Status.Published, "publishing without a body publishes now");
  const readerCopy = await delivery.getArticle({ slug: live.slug });

  const lines = [
    {
      externalId: "wire-ferry-1",
      title: "Ferry fares to rise in spring",
      category: categories[0],
      body: "Fares rise by a few percent.",
    },
    { externalId: "wire-ferry-2", title: "A line without a category" },
  ];
  const firstImport = await importLines(lines);
  const secondImport = await importLines(lines);
  check(
    firstImport[0].result === ImportResultResultEnum.Created,
    "the first import creates the article",
  );

  console.log(
    JSON.stringify({
      categories,
      feed,
      read,
      created: {
        id: live.id,
        slug: live.slug,
        title: readerCopy.title,
        subtitle: readerCopy.subtitle ?? null,
        staleEditStatus: stale ?? null,
      },
      firstImport,
      secondImport,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
