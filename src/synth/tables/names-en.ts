/**
 * Given names and family names for the English-speaking locales, in rank order (most frequent
 * first). Ranks follow public lists — see README.md in this folder for sources and licences;
 * weights are a power-law fit to the rank (see weighted.ts `zipf`), not the published counts.
 * Multi-word or apostrophe names (O'Brien, McDonald) are kept on purpose: they test parsers.
 */
import { words } from '../weighted.js';

/** US Census Bureau 2010 surnames (public domain), top ranks. */
export const US_FAMILY = words(`
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson
Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young
Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez
Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez
Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero
Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis
Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy
Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw
Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills
Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer
Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson
Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis
Carpenter Lawrence Sandoval O'Brien O'Connor
`);

/** SSA baby names, top names across birth years 1923–2022 (public domain). */
export const US_GIVEN_M = words(`
James Robert John Michael William David Richard Joseph Thomas Christopher Charles Daniel Matthew Anthony Mark Donald
Steven Andrew Paul Joshua Kenneth Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan Jacob Gary Nicholas Eric
Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry
Tyler Aaron Jose Adam Nathan Henry Zachary Douglas Peter Kyle Noah Ethan Jeremy Walter Christian Keith Roger Terry
Austin Sean Gerald Carl Harold Dylan Arthur Lawrence Jordan Jesse Bryan Billy Bruce Gabriel Joe Logan Alan Juan Albert
Willie Elijah Wayne Randy Vincent Mason Roy Ralph Bobby Russell Bradley Philip Eugene Liam Lucas Oliver Luis Carlos
Miguel Frederick
`);

export const US_GIVEN_F = words(`
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra Margaret Ashley
Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca Sharon Laura Cynthia Amy Kathleen
Angela Shirley Brenda Emma Anna Pamela Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Maria
Olivia Heather Catherine Diane Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn Judith Andrea
Hannah Megan Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice Ann Kathryn Abigail Sophia Frances Jean Alice
Judy Isabella Julia Grace Amber Denise Danielle Marilyn Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla
Alexis Lori Marie
`);

/** Office for National Statistics / GRO surname and baby-name rankings (Open Government Licence v3.0). */
export const UK_FAMILY = words(`
Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White
Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee
King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly
Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams
Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer
Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson Ahmed
Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West
Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant Wells
Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods
Parsons Berry Stone Reid Holland Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner
Shah Dean Lane Cooke Bates Henderson Parry Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman
Warren Nicholls Hamilton Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins
Moss McCarthy Chambers O'Neill Griffin Sharp Hardy Wheeler Potter Osborne Johnston Gordon Doyle Wallace George Jordan
Hutchinson Rowe Burke May Pritchard Gilbert Willis Higgins Read Miles Stevenson Stephenson Hammond Arnold Buckley
Walters Hewitt Barber Nelson Slater Austin Sullivan Whitehead Mann Frost Lambert Stephens Blake Akhtar Lynch Goodwin
Barton Woodward Thomson Cunningham Quinn Barnett Baxter Bibi Clayton Nash Greenwood Jennings Holt Kemp Poole Gallagher
`);

export const UK_GIVEN_M = words(`
David John Michael Paul Andrew Peter James Robert Mark Richard Stephen Christopher Thomas Daniel Ian Anthony William
Matthew Steven Simon Alan Gary Kevin Martin Jonathan Philip Brian Graham Adam Benjamin Oliver Jack Harry George
Charlie Samuel Joseph Nicholas Lee Keith Colin Neil Stuart Jamie Ryan Luke Liam Craig Scott Dean Wayne Darren Jason
Shaun Gareth Barry Trevor Kenneth Roger Derek Terence Raymond Edward Alexander Joshua Callum Lewis Connor Kieran Nathan
Aaron Mohammed Muhammad Noah Leo Arthur Oscar Freddie Alfie Theo Henry Archie Jacob Ethan Dylan Harvey Max Toby Ross
Graeme Gordon Malcolm Hugh Patrick Sean Declan Rhys Owen Dafydd
`);

export const UK_GIVEN_F = words(`
Sarah Susan Margaret Elizabeth Helen Emma Claire Julie Karen Patricia Jennifer Linda Mary Catherine Nicola Rachel
Joanne Lisa Laura Louise Amanda Jane Christine Ann Deborah Michelle Alison Lucy Rebecca Katherine Victoria Gillian
Janet Sharon Tracey Kelly Hannah Charlotte Sophie Jessica Amy Emily Olivia Amelia Isla Ava Mia Isabella Grace Lily
Ella Poppy Freya Chloe Megan Holly Georgia Ellie Jade Danielle Natalie Stephanie Kirsty Gemma Hayley Samantha Zoe
Lauren Abigail Anna Caroline Fiona Jacqueline Angela Pauline Sandra Wendy Maureen Irene Dorothy Jean Joan Barbara
Carol Diane Denise Lesley Valerie Sheila Brenda Eileen Kathleen Shirley Beverley Rosemary Yvonne Dawn Vanessa Fatima
Aisha
`);

/**
 * Australian Bureau of Statistics / state registries' popular names and IP Australia-style surname
 * rankings are not published as one list; AU uses its own head (from state BDM popular-name lists,
 * CC BY 4.0) followed by the UK tail, which matches the settler-origin distribution.
 */
export const AU_FAMILY_HEAD = words(`
Smith Jones Williams Brown Wilson Taylor Nguyen Johnson Martin White Anderson Walker Thompson Thomas Ryan Lee Harris
Kelly King Robinson Tran Wright Campbell Mitchell Murphy Hughes Young Scott Clarke Singh Le Chen Wang Li Zhang Pham
Papadopoulos Rossi Russo Kaur
`);

export const AU_GIVEN_M = words(`
David John Michael Peter Paul Andrew Mark Robert James Matthew Daniel Christopher Stephen Jack Oliver William Noah
Thomas Lachlan Cooper Riley Ethan Lucas Liam Benjamin Mitchell Joshua Ryan Luke Nathan Jake Blake Jayden Bailey
Hamish Angus Darcy Harrison Xavier Hunter Anthony Brett Craig Darren Glenn Shane Troy Scott Wayne Gregory Ian Graham
Kevin Bruce Ross Trevor Kenneth Barry Neil Warren Dean Adam Simon Jason Brendan Henry Charlie Leo Hudson Archie
`);

export const AU_GIVEN_F = words(`
Sarah Jessica Emma Rebecca Michelle Nicole Lisa Karen Susan Margaret Elizabeth Jennifer Amanda Melissa Kylie Rachel
Julie Helen Catherine Charlotte Olivia Amelia Isla Mia Ava Chloe Emily Sophie Ruby Grace Zoe Ella Matilda Sienna
Hannah Lauren Kate Jodie Leanne Natalie Belinda Tanya Kerry Sharon Christine Dianne Robyn Kathleen Wendy Jacqueline
Alison Tracey Fiona Joanne Megan Georgia Tahlia Jasmine Madison Bethany Brooke Courtney Stephanie Samantha Danielle
Amy Laura Alice Lily Evie
`);

/** AU family names: the AU head, then the UK list (duplicates dropped, rank order kept). */
export const AU_FAMILY = [...new Set([...AU_FAMILY_HEAD, ...UK_FAMILY])];
