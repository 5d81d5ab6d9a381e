using System.Globalization;

namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>
/// Train/dev documents composed at random from the <see cref="Phrasebook"/>: mails, notes with lists and headings,
/// Markdown tables, CSV, JSON, YAML, code with names in strings and comments, chat logs with typos, free prose. Each
/// document mixes entity sentences with hard negatives (capitalised words that are not entities), so the model learns
/// the words around a name rather than one template.
/// </summary>
internal static class ComposedTemplates
{
    public static readonly IReadOnlyList<(string Name, Action<DocumentContext> Write)> All =
    [
        ("mail", Mail),
        ("notes", Notes),
        ("table", Table),
        ("csv", Csv),
        ("json", Json),
        ("yaml", Yaml),
        ("code", Code),
        ("chatlog", ChatLog),
        ("prose", Prose),
        ("mail", Mail),
        ("prose", Prose),
        ("notes", Notes),
    ];

    private static void Instruction(DocumentContext c)
    {
        if (c.Random.Bool(0.85f))
        {
            c.Line(c.Random.Bool()
                ? c.Random.ArrayElement(c.Phrases.Instructions)
                : $"{c.Random.ArrayElement(c.Phrases.Verbs)} {c.Random.ArrayElement(c.Phrases.Objects)}{c.Random.ArrayElement([":", ".", "", " please:", "?"])}");
            if (c.Random.Bool())
            {
                c.Line();
            }
        }
    }

    private static string Heading(DocumentContext c)
    {
        var heading = c.Random.ArrayElement(c.Phrases.Headings);
        return c.Random.Bool(0.3f) ? heading.ToUpperInvariant() : heading;
    }

    private static void Sentences(DocumentContext c, int min, int max, string separator = " ")
    {
        var count = c.Random.Int(min, max);
        for (var i = 0; i < count; i++)
        {
            c.AnyFrame(c.Random.Bool(0.75f) ? c.Phrases.Sentences : c.Phrases.Negatives);
            c.Text(i == count - 1 ? "\n" : separator);
        }
    }

    private static void Mail(DocumentContext c)
    {
        Instruction(c);
        if (c.Random.Bool(0.6f))
        {
            c.Text(c.T("From: ", "Von: ", "De : ", "Van: ")).Person().Text(" <").Email().Line(">");
            c.Text(c.T("To: ", "An: ", "À : ", "Aan: ")).Person();
            if (c.Random.Bool(0.4f))
            {
                c.Text(", ").Person();
            }

            c.Line();
            if (c.Random.Bool(0.3f))
            {
                c.Text("Cc: ").Person().Line();
            }

            c.Text(c.T("Subject: ", "Betreff: ", "Objet : ", "Onderwerp: "))
                .AnyFrame(c.Random.Bool() ? c.Phrases.Headings : c.Phrases.Sentences).Line().Line();
        }

        c.AnyFrame(c.Phrases.Salutations).Line();
        Sentences(c, 2, 6, c.Random.Bool() ? " " : "\n");
        c.Line().AnyFrame(c.Phrases.SignOffs).Line();
    }

    private static void Notes(DocumentContext c)
    {
        Instruction(c);
        var sections = c.Random.Int(2, 4);
        for (var s = 0; s < sections; s++)
        {
            c.Text(c.Random.ArrayElement(["# ", "## ", "**", string.Empty])).Text(Heading(c))
                .Line(c.Random.Bool() ? ":" : string.Empty);
            if (c.Random.Bool())
            {
                var bullet = c.Random.ArrayElement(["- ", "* ", "• ", "1. "]);
                for (var i = c.Random.Int(2, 5); i > 0; i--)
                {
                    c.Text(bullet).AnyFrame(c.Random.Bool(0.6f) ? c.Phrases.ListItems : c.Phrases.Sentences).Line();
                }
            }
            else
            {
                Sentences(c, 1, 4);
            }
        }
    }

    private static void Cell(DocumentContext c, int column)
    {
        _ = column switch
        {
            0 => c.Person(),
            1 => c.Company(),
            2 => c.City(),
            3 => c.Country(),
            4 => c.Email(),
            5 => c.Phone(),
            _ => c.Street(),
        };
    }

    private static int[] Columns(DocumentContext c)
    {
        var columns = Enumerable.Range(0, 7).Where(_ => c.Random.Bool(0.55f)).ToList();
        if (!columns.Contains(0) && c.Random.Bool(0.7f))
        {
            columns.Insert(0, 0);
        }

        return columns.Count >= 2 ? [.. columns] : [0, 2];
    }

    private static void Table(DocumentContext c)
    {
        Instruction(c);
        var columns = Columns(c);
        var header = c.Phrases.TableHeader;
        c.Line("| " + string.Join(" | ", columns.Select(k => header[k])) + " |");
        c.Line("|" + string.Concat(columns.Select(_ => "---|")));
        for (var row = c.Random.Int(2, 6); row > 0; row--)
        {
            c.Text("|");
            foreach (var k in columns)
            {
                c.Text(" ");
                Cell(c, k);
                c.Text(" |");
            }

            c.Line();
        }
    }

    private static void Csv(DocumentContext c)
    {
        Instruction(c);
        var columns = Columns(c);
        var separator = c.Random.ArrayElement([",", ";", "\t"]);
        var quote = c.Random.Bool(0.4f) ? "\"" : string.Empty;
        var header = c.Phrases.TableHeader;
        c.Line(string.Join(separator, columns.Select(k => header[k].ToLowerInvariant())));
        for (var row = c.Random.Int(2, 7); row > 0; row--)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                c.Text(i == 0 ? quote : separator + quote);
                Cell(c, columns[i]);
                c.Text(quote);
            }

            c.Line();
        }
    }

    private static void Json(DocumentContext c)
    {
        Instruction(c);
        c.Line("[");
        for (var row = c.Random.Int(1, 4); row > 0; row--)
        {
            c.Text("  {\"id\": ").Number(1, 9999).Text(", \"name\": \"").Person().Text("\", \"company\": \"").Company()
                .Text("\", \"city\": \"").City().Text("\"");
            if (c.Random.Bool())
            {
                c.Text(", \"street\": \"").Street().Text("\"");
            }

            if (c.Random.Bool())
            {
                c.Text(", \"role\": \"").JobTitle().Text("\"");
            }

            c.Line(row > 1 ? "}," : "}");
        }

        c.Line("]");
    }

    private static void Yaml(DocumentContext c)
    {
        Instruction(c);
        c.Line(c.Random.ArrayElement(["contacts:", "owners:", "team:", "employees:"]));
        for (var row = c.Random.Int(1, 4); row > 0; row--)
        {
            c.Text("  - name: ").Person().Line();
            c.Text("    org: ").Company().Line();
            if (c.Random.Bool())
            {
                c.Text("    location: ").City().Text(", ").Country().Line();
            }

            if (c.Random.Bool())
            {
                c.Text("    title: ").JobTitle().Line();
            }

            if (c.Random.Bool(0.3f))
            {
                c.Text("    # ").AnyFrame(c.Phrases.Sentences).Line();
            }
        }
    }

    private static void Code(DocumentContext c)
    {
        Instruction(c);
        switch (c.Random.Int(0, 3))
        {
            case 0:
                c.Text("# author: ").Person().Line();
                c.Line("def notify(user):");
                c.Text("    # ").AnyFrame(c.Phrases.Sentences).Line();
                c.Text("    if user.city == \"").City().Line("\":");
                c.Text("        send(\"").Email().Line("\")");
                c.Text("    return \"").AnyFrame(c.Phrases.Salutations).Line("\"");
                break;
            case 1:
                c.Text("// ").AnyFrame(c.Phrases.Sentences).Line();
                c.Text("const owner = { name: '").Person().Text("', org: '").Company().Line("' };");
                c.Text("console.log(`").AnyFrame(c.Phrases.Negatives).Line("`);");
                break;
            case 2:
                c.Text("INSERT INTO customers (name, city, company) VALUES ('").Person().Text("', '").City().Text("', '")
                    .Company().Line("');");
                c.Text("-- ").AnyFrame(c.Phrases.Sentences).Line();
                break;
            default:
                c.Text("/// <remarks>").AnyFrame(c.Phrases.Sentences).Line("</remarks>");
                c.Text("var contact = new Contact(\"").Person().Text("\", \"").Street().Text("\", \"").City().Line("\");");
                c.Text("throw new InvalidOperationException(\"").AnyFrame(c.Phrases.Negatives).Line("\");");
                break;
        }
    }

    private static void ChatLog(DocumentContext c)
    {
        Instruction(c);
        var start = c.Builder.Length;
        var minute = c.Random.Int(0, 59);
        for (var i = c.Random.Int(3, 8); i > 0; i--)
        {
            minute = (minute + c.Random.Int(0, 9)) % 60;
            c.Text(string.Create(CultureInfo.InvariantCulture, $"[{c.Random.Int(8, 18):00}:{minute:00}] "));
            c.TypoRate = 0.08;
            c.AnyFrame(c.Phrases.ChatLines);
            c.TypoRate = 0;
            c.Line();
        }

        if (c.Random.Bool(0.5f))
        {
            c.Builder.LowerFrom(start);
        }
    }

    private static void Prose(DocumentContext c)
    {
        Instruction(c);
        if (c.Random.Bool(0.3f))
        {
            c.Line(Heading(c));
        }

        Sentences(c, 3, 8);
        if (c.Random.Bool(0.4f))
        {
            c.Line().AnyFrame(c.Phrases.SignOffs).Line();
        }
    }
}
